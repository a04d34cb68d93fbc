import { useLayoutEffect, useRef, useState } from 'react';

interface TokenRevealDialogProps {
  user: string;
  label: string;
  /** The secret. It lives in this dialog's props only: closing it forgets it for good. */
  token: string;
  onClose: () => void;
}

type Copied = 'no' | 'yes' | 'failed';

/** The one time a new token is shown: a modal with the token, a copy button and a clear warning. */
export function TokenRevealDialog({ user, label, token, onClose }: TokenRevealDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<Copied>('no');

  useLayoutEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    field.current?.select();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('yes');
    } catch {
      // No clipboard permission (or not a secure context): the token stays selected for Ctrl+C.
      field.current?.select();
      setCopied('failed');
    }
  };

  return (
    <dialog ref={dialog} className="token-dialog" aria-labelledby="token-dialog-heading" aria-describedby="token-dialog-warning" onClose={onClose}>
      <h2 id="token-dialog-heading">New token for {user}{label ? ` (${label})` : ''}</h2>
      <p id="token-dialog-warning" className="warning" role="note">
        Copy this token now. Redline stores only a hash of it and will never show it again; if it is lost, create a new one
        and revoke this one.
      </p>
      <label htmlFor="new-token">Token</label>
      <div className="token-value">
        <input id="new-token" ref={field} readOnly value={token} spellCheck={false} onFocus={(e) => e.target.select()} />
        <button type="button" className="primary" onClick={() => void copy()}>
          Copy token
        </button>
      </div>
      <p role="status" className="muted">
        {copied === 'yes' && 'Copied to the clipboard.'}
        {copied === 'failed' && 'Could not reach the clipboard: the token is selected, press Ctrl+C (⌘C).'}
      </p>
      <div className="form-actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          I have copied it — close
        </button>
      </div>
    </dialog>
  );
}
