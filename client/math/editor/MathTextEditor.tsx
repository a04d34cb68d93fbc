import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { MathText } from '../MathText';
import { caretCoordinates } from './caret-coordinates';
import { FormulaPopover, type FormulaChoice } from './FormulaPopover';
import { formulaAt, planFormulaInsertion, type FormulaInsertion } from './formula-text';
import './math-text-editor.css';

export interface MathTextEditorProps {
  /** The visible label, and exactly the textarea's accessible name ("Error analysis"). */
  label: string;
  /** Plain text with LaTeX between `$…$`, `$$…$$`, `\(…\)` or `\[…\]`. */
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  /** The textarea's id; one is made up when absent. */
  id?: string;
}

/** The text range a formula will replace, and what the text was when the popover opened. */
interface OpenFormula {
  start: number;
  end: number;
  snapshot: string;
  latex: string;
  display: boolean;
  /** True when the range is an existing formula (edited in place), false for a new one. */
  replacing: boolean;
  position: { top: number; left: number };
}

const POPOVER_WIDTH = 360;

/**
 * A textarea for text with math. "Insert formula" (or Ctrl+M / Cmd+M in the textarea) opens a
 * MathLive field at the cursor; its LaTeX goes into the text between dollars. With the cursor
 * inside an existing formula, that formula is edited instead. Below, a preview renders the text
 * as MathText will show it everywhere else.
 */
export function MathTextEditor({ label, value, onChange, rows = 3, id }: MathTextEditorProps) {
  const madeUpId = useId();
  const textareaId = id ?? `mte-${madeUpId}`;
  const wrapper = useRef<HTMLDivElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [open, setOpen] = useState<OpenFormula | null>(null);
  /** Set when the text was changed through `onChange`: where the caret goes once it renders. */
  const pendingCaret = useRef<{ text: string; caret: number } | null>(null);

  useLayoutEffect(() => {
    const pending = pendingCaret.current;
    const element = textarea.current;
    if (!pending || !element || pending.text !== value) return;
    pendingCaret.current = null;
    element.focus();
    element.setSelectionRange(pending.caret, pending.caret);
  }, [value]);

  const openPopover = () => {
    const element = textarea.current;
    if (!element || !wrapper.current) return;
    const { selectionStart, selectionEnd, value: text } = element;
    const around = formulaAt(text, selectionStart, selectionEnd);
    const start = around?.start ?? selectionStart;
    const end = around?.end ?? selectionEnd;
    const caret = caretCoordinates(element, start);
    const below = Math.min(caret.top + caret.height, element.clientHeight);
    const maxLeft = Math.max(0, wrapper.current.clientWidth - POPOVER_WIDTH);
    setOpen({
      start,
      end,
      snapshot: text,
      latex: around ? around.latex : text.slice(selectionStart, selectionEnd),
      display: around?.display ?? false,
      replacing: around !== null,
      position: {
        top: element.offsetTop + below + 4,
        left: Math.min(Math.max(0, element.offsetLeft + caret.left), maxLeft),
      },
    });
  };

  const backToText = (selectionStart: number, selectionEnd = selectionStart) => {
    textarea.current?.focus();
    textarea.current?.setSelectionRange(selectionStart, selectionEnd);
  };

  const cancel = () => {
    if (open && textarea.current?.value === open.snapshot) backToText(open.start, open.end);
    else textarea.current?.focus();
    setOpen(null);
  };

  const insert = ({ latex, display, unchanged }: FormulaChoice) => {
    const element = textarea.current;
    if (!open || !element) return;
    setOpen(null);
    if (unchanged && open.replacing && element.value === open.snapshot) return backToText(open.end);
    // Typed into the text meanwhile: the saved range may be stale, so use the cursor as it is now.
    const stale = element.value !== open.snapshot;
    const [start, end] = stale ? [element.selectionStart, element.selectionEnd] : [open.start, open.end];
    const plan = planFormulaInsertion(element.value, start, end, latex, display);
    if (!plan) return backToText(start, end);
    applyInsertion(element, plan);
  };

  /**
   * Through the browser's editing command when it can (so Ctrl+Z in the textarea undoes the
   * insertion), else through onChange; either way the parent gets the new text via onChange.
   */
  const applyInsertion = (element: HTMLTextAreaElement, plan: FormulaInsertion) => {
    element.focus();
    element.setSelectionRange(plan.start, plan.end);
    const done = document.execCommand('insertText', false, plan.insert) && element.value === plan.text;
    if (done) {
      element.setSelectionRange(plan.caret, plan.caret);
      return;
    }
    pendingCaret.current = { text: plan.text, caret: plan.caret };
    onChange(plan.text);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'm') {
      event.preventDefault();
      openPopover();
    }
  };

  return (
    <div className="mte" ref={wrapper}>
      <div className="mte-head">
        <label htmlFor={textareaId}>{label}</label>
        <button
          type="button"
          className="small"
          aria-haspopup="dialog"
          aria-expanded={open !== null}
          aria-keyshortcuts="Control+M Meta+M"
          title="Insert formula (Ctrl+M)"
          onClick={openPopover}
        >
          Insert formula
        </button>
      </div>
      <textarea
        id={textareaId}
        ref={textarea}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        spellCheck
      />
      {open && (
        <FormulaPopover
          key={`${open.start}:${open.end}:${open.snapshot.length}`}
          initialLatex={open.latex}
          initialDisplay={open.display}
          position={open.position}
          onInsert={insert}
          onCancel={cancel}
        />
      )}
      {value.trim() !== '' && (
        <div className="mte-preview" role="group" aria-label={`Preview of ${label}`}>
          <MathText text={value} />
        </div>
      )}
    </div>
  );
}
