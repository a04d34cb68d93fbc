import { describe, expect, it, vi } from 'vitest';
import { keyTargetOf } from './key-target';
import { comboLabel, findShortcut, shortcutGroups, SHORTCUTS, type KeyContext, type KeyPress, type WorkspaceCommands } from './shortcuts';

const press = (key: string, over: Partial<KeyPress> = {}): KeyPress => ({
  key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, repeat: false, defaultPrevented: false, ...over,
});
const page: KeyContext = { target: 'page', everyStep: false, modalOpen: false };

function commands(): WorkspaceCommands {
  const fn = () => vi.fn();
  return {
    moveFocus: fn(), markFocusedFirstWrong: fn(), rateFocused: fn(), setVerdict: fn(), acceptOrm: fn(), selectTool: fn(),
    undo: fn(), redo: fn(), submit: fn(), skip: fn(), toggleUnsure: fn(), toggleHelp: fn(), toggleGuidelines: fn(), escape: fn(),
  };
}

/** Runs what the key press triggers; returns the commands to inspect (null: nothing fired). */
function run(p: KeyPress, context: KeyContext = page) {
  const shortcut = findShortcut(p, context);
  if (!shortcut) return null;
  const c = commands();
  shortcut.action(c);
  return c;
}

describe('shortcut mapping', () => {
  it('maps the letters and arrows of the issue to their commands', () => {
    expect(run(press('j'))?.moveFocus).toHaveBeenCalledWith(1);
    expect(run(press('ArrowDown'))?.moveFocus).toHaveBeenCalledWith(1);
    expect(run(press('k'))?.moveFocus).toHaveBeenCalledWith(-1);
    expect(run(press('ArrowUp'))?.moveFocus).toHaveBeenCalledWith(-1);
    expect(run(press('e'))?.markFocusedFirstWrong).toHaveBeenCalled();
    expect(run(press('c'))?.setVerdict).toHaveBeenCalledWith('correct');
    expect(run(press('w'))?.setVerdict).toHaveBeenCalledWith('incorrect');
    expect(run(press('a'))?.acceptOrm).toHaveBeenCalled();
    expect(run(press('s'))?.skip).toHaveBeenCalled();
    expect(run(press('u'))?.toggleUnsure).toHaveBeenCalled();
    expect(run(press('g'))?.toggleGuidelines).toHaveBeenCalled();
    expect(run(press('?', { shiftKey: true }))?.toggleHelp).toHaveBeenCalled();
    const tools = { b: 'box', p: 'polygon', r: 'arrow', f: 'freehand', v: 'select' };
    for (const [key, tool] of Object.entries(tools)) expect(run(press(key))?.selectTool).toHaveBeenCalledWith(tool);
    expect(run(press('Escape'))?.escape).toHaveBeenCalled();
  });

  it('undoes with Ctrl+Z (or ⌘Z) and redoes with Ctrl+Shift+Z and Ctrl+Y', () => {
    expect(run(press('z', { ctrlKey: true }))?.undo).toHaveBeenCalled();
    expect(run(press('z', { metaKey: true }))?.undo).toHaveBeenCalled();
    expect(run(press('Z', { ctrlKey: true, shiftKey: true }))?.redo).toHaveBeenCalled();
    expect(run(press('y', { ctrlKey: true }))?.redo).toHaveBeenCalled();
    expect(run(press('Enter', { ctrlKey: true }))?.submit).toHaveBeenCalled();
    // A plain z or Enter is nothing; Caps Lock does not matter.
    expect(run(press('z'))).toBeNull();
    expect(run(press('Enter'))).toBeNull();
    expect(run(press('J'))?.moveFocus).toHaveBeenCalledWith(1);
  });

  it('leaves modified letters and AltGr characters to the browser', () => {
    expect(run(press('j', { ctrlKey: true }))).toBeNull();
    expect(run(press('J', { shiftKey: true }))).toBeNull();
    expect(run(press('c', { metaKey: true }))).toBeNull();
    expect(run(press('e', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(run(press('ArrowDown', { shiftKey: true }))).toBeNull();
  });

  it('rates 1/2/3 as −1/0/+1 only in every-step projects', () => {
    expect(run(press('1'))).toBeNull();
    const every = { ...page, everyStep: true };
    expect(run(press('1'), every)?.rateFocused).toHaveBeenCalledWith(-1);
    expect(run(press('2'), every)?.rateFocused).toHaveBeenCalledWith(0);
    expect(run(press('3'), every)?.rateFocused).toHaveBeenCalledWith(1);
  });

  it('stays quiet while typing, except Ctrl+Enter and Escape; Ctrl+Z stays the field’s own undo', () => {
    const typing = { ...page, target: 'typing' as const };
    for (const key of ['j', 'e', 's', 'c', '1', '?', 'ArrowDown']) expect(run(press(key), typing), key).toBeNull();
    expect(run(press('z', { ctrlKey: true }), typing)).toBeNull();
    expect(run(press('y', { ctrlKey: true }), typing)).toBeNull();
    expect(run(press('Enter', { ctrlKey: true }), typing)?.submit).toHaveBeenCalled();
    expect(run(press('Escape'), typing)?.escape).toHaveBeenCalled();
    expect(run(press('j', { isComposing: true }))).toBeNull();
  });

  it('lets radios keep their arrow keys but not the letters', () => {
    const control = { ...page, target: 'control' as const };
    expect(run(press('ArrowDown'), control)).toBeNull();
    expect(run(press('j'), control)?.moveFocus).toHaveBeenCalledWith(1);
  });

  it('ignores keys handled nearer the target, repeats of one-shot keys, and most keys under the help', () => {
    expect(run(press('ArrowDown', { defaultPrevented: true }))).toBeNull();
    expect(run(press('Enter', { ctrlKey: true, defaultPrevented: true }))?.submit).toHaveBeenCalled();
    expect(run(press('j', { repeat: true }))?.moveFocus).toHaveBeenCalled();
    expect(run(press('s', { repeat: true }))).toBeNull();
    expect(run(press('Enter', { ctrlKey: true, repeat: true }))).toBeNull();
    const modal = { ...page, modalOpen: true };
    expect(run(press('j'), modal)).toBeNull();
    expect(run(press('?'), modal)?.toggleHelp).toHaveBeenCalled();
    expect(run(press('Escape'), modal)?.escape).toHaveBeenCalled();
  });

  it('gives every key to at most one shortcut', () => {
    const combos = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(combos).size).toBe(combos.length);
  });
});

describe('key target', () => {
  it('treats text inputs, textareas, selects, contenteditable and math fields as typing', () => {
    expect(keyTargetOf([{ tagName: 'TEXTAREA' }, { tagName: 'FORM' }])).toBe('typing');
    expect(keyTargetOf([{ tagName: 'INPUT', type: 'text' }])).toBe('typing');
    expect(keyTargetOf([{ tagName: 'INPUT' }])).toBe('typing');
    expect(keyTargetOf([{ tagName: 'INPUT', type: 'number' }])).toBe('typing');
    expect(keyTargetOf([{ tagName: 'SELECT' }])).toBe('typing');
    expect(keyTargetOf([{ tagName: 'DIV', isContentEditable: true }])).toBe('typing');
    // Inside a math field's shadow root the composed path still passes the host.
    expect(keyTargetOf([{ tagName: 'SPAN' }, {}, { tagName: 'math-field' }, { tagName: 'BODY' }, {}])).toBe('typing');
  });

  it('treats radios and checkboxes as controls and anything else as the page', () => {
    expect(keyTargetOf([{ tagName: 'INPUT', type: 'radio' }, { tagName: 'LABEL' }])).toBe('control');
    expect(keyTargetOf([{ tagName: 'INPUT', type: 'checkbox' }])).toBe('control');
    expect(keyTargetOf([{ tagName: 'BUTTON' }, { tagName: 'BODY' }])).toBe('page');
    expect(keyTargetOf([])).toBe('page');
  });
});

describe('help', () => {
  it('writes combos the way keyboards label them', () => {
    expect(comboLabel('Mod+Shift+z')).toEqual(['Ctrl', 'Shift', 'Z']);
    expect(comboLabel('Mod+Enter', true)).toEqual(['⌘', 'Enter']);
    expect(comboLabel('ArrowDown')).toEqual(['↓']);
    expect(comboLabel('j')).toEqual(['j']);
  });

  it('lists rating keys only where steps are rated', () => {
    const keys = (everyStep: boolean) => shortcutGroups(everyStep).flatMap(([, list]) => list.flatMap((s) => s.keys));
    expect(keys(false)).not.toContain('1');
    expect(keys(true)).toContain('3');
    expect(shortcutGroups(false).map(([group]) => group)).toEqual(['Steps', 'Judgment', 'Diagram', 'Edit and save', 'Workspace']);
  });
});
