import { useEffect, useId, useRef } from 'react';

interface ConfirmInlineProps {
  /** The question, e.g. "Disable annotator1? They can no longer sign in." */
  question: string;
  /** The confirming button's text, e.g. "Disable annotator1". */
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}

/**
 * An in-page confirmation for a destructive action, shown where the action was asked for
 * (no window.confirm, which blocks the page and cannot be styled or tested). Focus lands on
 * Cancel, so a stray Enter does nothing harmful; Escape cancels.
 */
export function ConfirmInline({ question, confirmLabel, onConfirm, onCancel, busy = false }: ConfirmInlineProps) {
  const id = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);

  return (
    <div
      className="confirm-inline"
      role="alertdialog"
      aria-labelledby={id}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <span id={id}>{question}</span>
      <button type="button" className="danger" onClick={onConfirm} disabled={busy}>
        {confirmLabel}
      </button>
      <button type="button" ref={cancel} onClick={onCancel} disabled={busy}>
        Cancel
      </button>
    </div>
  );
}
