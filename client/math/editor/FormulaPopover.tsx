import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { MathfieldElement } from 'mathlive';
import { neutraliseLatex } from '../neutralise-latex';
import { createFormulaField, loadMathfield, type MathfieldConstructor } from './load-mathlive';

export interface FormulaChoice {
  latex: string;
  display: boolean;
  /** True when the field still holds what it was opened with (nothing to rewrite). */
  unchanged: boolean;
}

interface FormulaPopoverProps {
  /** Pre-filled formula (the one around the cursor, or the selected text); '' for a new one. */
  initialLatex: string;
  initialDisplay: boolean;
  /** Pixels from the editor's top-left corner. */
  position: { top: number; left: number };
  onInsert: (choice: FormulaChoice) => void;
  onCancel: () => void;
}

type Load = { kind: 'loading' } | { kind: 'ready'; Mathfield: MathfieldConstructor } | { kind: 'failed' };

/**
 * A small non-modal dialog holding one `<math-field>` ("Formula"). Enter or "Insert" inserts;
 * Escape or "Cancel" closes. MathLive's own meaning of those keys is kept where it matters:
 * while a `\command` is being typed, Enter first completes it, and Escape only completes it.
 * Tab cycles through the field, "Display", "Insert" and "Cancel" without leaving the popover.
 */
export function FormulaPopover({ initialLatex, initialDisplay, position, onInsert, onCancel }: FormulaPopoverProps) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [display, setDisplay] = useState(initialDisplay);
  const host = useRef<HTMLSpanElement>(null);
  const field = useRef<MathfieldElement | null>(null);
  const openedWith = useRef('');
  const cancelButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    let live = true;
    loadMathfield().then(
      (Mathfield) => live && setLoad({ kind: 'ready', Mathfield }),
      () => live && setLoad({ kind: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (load.kind !== 'ready' || !host.current) return;
    const element = createFormulaField(load.Mathfield, 'Formula');
    host.current.append(element);
    // The pre-fill may come from model text: make link/HTML commands inert before editing it.
    element.value = neutraliseLatex(initialLatex);
    openedWith.current = element.value;
    field.current = element;
    element.focus();
    return () => {
      element.remove();
      field.current = null;
    };
  }, [load, initialLatex]);

  const insert = () => {
    const element = field.current;
    if (!element) return;
    if (element.mode === 'latex') element.executeCommand(['complete', 'accept-all']);
    const latex = element.value;
    const unchanged = latex === openedWith.current && display === initialDisplay;
    onInsert({ latex: unchanged ? initialLatex : latex, display, unchanged });
  };

  // Capture phase: runs before MathLive's own key handling inside the field's shadow root.
  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    const inField = event.target === field.current;
    if (event.key === 'Escape') {
      if (inField && field.current?.mode === 'latex') return;
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && (inField || event.target instanceof HTMLInputElement)) {
      event.preventDefault();
      event.stopPropagation();
      insert();
    }
  };

  return (
    <div
      className="mte-popover"
      role="dialog"
      aria-labelledby={titleId}
      style={{ top: position.top, left: position.left }}
      onKeyDownCapture={onKeyDownCapture}
    >
      {/* Focus sentinels: Shift+Tab out of the field wraps to Cancel, Tab past Cancel to the field. */}
      <span className="mte-sentinel" tabIndex={0} onFocus={() => cancelButton.current?.focus()} />
      <div id={titleId} className="mte-popover-title">
        Insert formula
      </div>
      <span ref={host} className="mte-field-host" />
      {load.kind === 'loading' && <p className="muted">Loading the math editor…</p>}
      {load.kind === 'failed' && (
        <p className="form-error" role="alert">
          The math editor could not be loaded. Type LaTeX between $ signs in the text instead.
        </p>
      )}
      <p className="mte-hint muted">
        Type <kbd>\</kbd> for LaTeX commands, <kbd>/</kbd> for a fraction, <kbd>^</kbd> <kbd>_</kbd> for scripts.
      </p>
      <div className="mte-popover-actions">
        <label className="mte-display">
          <input type="checkbox" checked={display} onChange={(e) => setDisplay(e.target.checked)} />
          Display
        </label>
        <button type="button" className="primary" onClick={insert} disabled={load.kind !== 'ready'}>
          Insert
        </button>
        <button type="button" ref={cancelButton} onClick={onCancel}>
          Cancel
        </button>
      </div>
      <span className="mte-sentinel" tabIndex={0} onFocus={() => field.current?.focus()} />
    </div>
  );
}
