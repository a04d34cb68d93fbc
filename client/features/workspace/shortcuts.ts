import type { Verdict } from '../../../shared/schemas/annotation';
import type { DiagramTool } from '../../store/workspace-slice';
import type { KeyTarget } from './key-target';

/**
 * The workspace's keyboard: one table read by both the key handler (use-shortcuts.ts) and the
 * help dialog, so what the help says is what the keys do. DOM-free: matching takes a plain
 * key press and returns the shortcut; the caller runs `action` with its commands.
 *
 * Keys are written as combos: a key name as in KeyboardEvent.key ('j', 'ArrowDown', 'Escape',
 * '?'), optionally after 'Mod+' (Ctrl, or ⌘ on a Mac) and 'Shift+'.
 */

/** What the shortcuts can do; the annotate page implements it. Steps are 0-based. */
export interface WorkspaceCommands {
  moveFocus: (delta: 1 | -1) => void;
  markFocusedFirstWrong: () => void;
  rateFocused: (rating: -1 | 0 | 1) => void;
  setVerdict: (verdict: Verdict) => void;
  acceptOrm: () => void;
  selectTool: (tool: DiagramTool) => void;
  undo: () => void;
  redo: () => void;
  submit: () => void;
  skip: () => void;
  toggleUnsure: () => void;
  toggleHelp: () => void;
  toggleGuidelines: () => void;
  /** Closes what is open, else back to the select tool (and out of a text field). */
  escape: () => void;
}

export type ShortcutGroup = 'Steps' | 'Judgment' | 'Diagram' | 'Edit and save' | 'Workspace';

export interface Shortcut {
  keys: readonly string[];
  description: string;
  group: ShortcutGroup;
  action: (commands: WorkspaceCommands) => void;
  /** Works in text and math fields too (Ctrl+Enter, Escape). */
  whileTyping?: boolean;
  /** Only in projects that rate every step. */
  everyStepOnly?: boolean;
  /** A held key repeats it (moving through steps); others fire once per press. */
  repeats?: boolean;
  /** Works while the modal shortcut help is open. */
  inModal?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['j', 'ArrowDown'], description: 'Next step', group: 'Steps', repeats: true, action: (c) => c.moveFocus(1) },
  { keys: ['k', 'ArrowUp'], description: 'Previous step', group: 'Steps', repeats: true, action: (c) => c.moveFocus(-1) },
  { keys: ['e'], description: 'Mark the focused step as the first wrong one', group: 'Steps', action: (c) => c.markFocusedFirstWrong() },
  { keys: ['1'], description: 'Rate the focused step −1 (wrong)', group: 'Steps', everyStepOnly: true, action: (c) => c.rateFocused(-1) },
  { keys: ['2'], description: 'Rate the focused step 0 (neutral)', group: 'Steps', everyStepOnly: true, action: (c) => c.rateFocused(0) },
  { keys: ['3'], description: 'Rate the focused step +1 (good)', group: 'Steps', everyStepOnly: true, action: (c) => c.rateFocused(1) },
  { keys: ['c'], description: 'Verdict: correct', group: 'Judgment', action: (c) => c.setVerdict('correct') },
  { keys: ['w'], description: 'Verdict: incorrect', group: 'Judgment', action: (c) => c.setVerdict('incorrect') },
  { keys: ['a'], description: 'Accept the ORM judgment', group: 'Judgment', action: (c) => c.acceptOrm() },
  { keys: ['u'], description: 'Toggle “Unsure”', group: 'Judgment', action: (c) => c.toggleUnsure() },
  { keys: ['b'], description: 'Box tool', group: 'Diagram', action: (c) => c.selectTool('box') },
  { keys: ['p'], description: 'Polygon tool', group: 'Diagram', action: (c) => c.selectTool('polygon') },
  { keys: ['r'], description: 'Arrow tool', group: 'Diagram', action: (c) => c.selectTool('arrow') },
  { keys: ['f'], description: 'Freehand tool', group: 'Diagram', action: (c) => c.selectTool('freehand') },
  { keys: ['v'], description: 'Select tool', group: 'Diagram', action: (c) => c.selectTool('select') },
  { keys: ['Mod+z'], description: 'Undo (form and diagram)', group: 'Edit and save', repeats: true, action: (c) => c.undo() },
  { keys: ['Mod+Shift+z', 'Mod+y'], description: 'Redo', group: 'Edit and save', repeats: true, action: (c) => c.redo() },
  { keys: ['Mod+Enter'], description: 'Submit', group: 'Edit and save', whileTyping: true, action: (c) => c.submit() },
  { keys: ['s'], description: 'Skip this solution (not offered to you again)', group: 'Edit and save', action: (c) => c.skip() },
  { keys: ['?'], description: 'Show or hide this help', group: 'Workspace', inModal: true, action: (c) => c.toggleHelp() },
  { keys: ['g'], description: 'Show or hide the guidelines', group: 'Workspace', action: (c) => c.toggleGuidelines() },
  {
    keys: ['Escape'], description: 'Close help or guidelines; else leave the text field and pick the select tool',
    group: 'Workspace', whileTyping: true, inModal: true, action: (c) => c.escape(),
  },
];

/** The parts of a KeyboardEvent that matching reads. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  repeat: boolean;
  defaultPrevented: boolean;
  isComposing?: boolean;
}

export interface KeyContext {
  target: KeyTarget;
  everyStep: boolean;
  modalOpen: boolean;
}

export function comboMatches(combo: string, press: KeyPress): boolean {
  const parts = combo.split('+');
  const key = parts[parts.length - 1] ?? '';
  const wantsMod = parts.includes('Mod');
  const wantsShift = parts.includes('Shift');
  // Alt stays the system's (and AltGr, which browsers report as Ctrl+Alt, types characters).
  if (press.altKey || wantsMod !== (press.ctrlKey || press.metaKey)) return false;
  if (/^[a-z]$/.test(key)) return press.shiftKey === wantsShift && press.key.toLowerCase() === key;
  // A symbol ('?') already says which shift state typed it.
  if (key.length === 1) return press.key === key;
  return press.shiftKey === wantsShift && press.key === key;
}

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/** The shortcut a key press triggers in this context, or null (the browser keeps the key). */
export function findShortcut(press: KeyPress, context: KeyContext, table: readonly Shortcut[] = SHORTCUTS): Shortcut | null {
  if (press.isComposing) return null;
  for (const shortcut of table) {
    if (!shortcut.keys.some((combo) => comboMatches(combo, press))) continue;
    if (context.target === 'typing' && !shortcut.whileTyping) return null;
    // Someone nearer the target (a resizer, a math field) already handled it.
    if (press.defaultPrevented && !shortcut.whileTyping) return null;
    // Arrow keys move between radio buttons and along sliders.
    if (context.target === 'control' && ARROWS.has(press.key)) return null;
    if (context.modalOpen && !shortcut.inModal) return null;
    if (shortcut.everyStepOnly && !context.everyStep) return null;
    if (press.repeat && !shortcut.repeats) return null;
    return shortcut;
  }
  return null;
}

const KEY_NAMES: Record<string, string> = {
  ArrowDown: '↓', ArrowUp: '↑', ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc', Enter: 'Enter',
};

/** How a combo is written in the help: 'Mod+Shift+z' → ['Ctrl', 'Shift', 'Z']; 'j' stays 'j'. */
export function comboLabel(combo: string, mac = false): string[] {
  const parts = combo.split('+');
  const chord = parts.length > 1;
  return parts.map((part) => {
    if (part === 'Mod') return mac ? '⌘' : 'Ctrl';
    return KEY_NAMES[part] ?? (chord && part.length === 1 ? part.toUpperCase() : part);
  });
}

/** Shortcuts in help order, grouped; 1/2/3 only where steps are rated. */
export function shortcutGroups(everyStep: boolean, table: readonly Shortcut[] = SHORTCUTS): [ShortcutGroup, Shortcut[]][] {
  const groups = new Map<ShortcutGroup, Shortcut[]>();
  for (const shortcut of table) {
    if (shortcut.everyStepOnly && !everyStep) continue;
    groups.set(shortcut.group, [...(groups.get(shortcut.group) ?? []), shortcut]);
  }
  return [...groups];
}
