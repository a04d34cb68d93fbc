import { useAppStore } from '../../store/app-store';
import { ConflictNotice } from './ConflictNotice';
import { saveStatusText } from './save-status';
import type { FinishActions, FinishState } from './use-finish-solution';

interface SaveAreaProps {
  finish: FinishActions;
  finishing: FinishState;
}

/**
 * The foot of the judgment column (sticky): what stops a submission, the conflict choice,
 * Undo / Redo / Skip / Submit and the one-line save state.
 */
export function SaveArea({ finish, finishing }: SaveAreaProps) {
  const save = useAppStore((s) => s.draft.save);
  const statusText = useAppStore((s) => saveStatusText(s.draft));
  const submitted = useAppStore((s) => s.draft.storedStatus === 'submitted');
  const canUndo = useAppStore((s) => s.draft.past.length > 0);
  const canRedo = useAppStore((s) => s.draft.future.length > 0);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  const adoptServerVersion = useAppStore((s) => s.adoptServerVersion);
  const busy = save.kind === 'saving' || finishing.kind === 'busy';

  return (
    <div className="save-area">
      {save.kind === 'invalid' && (
        <div className="problems" role="alert">
          <p>Not submitted — please fix:</p>
          <ul>
            {save.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {save.kind === 'conflict' && (
        <ConflictNotice current={save.current} busy={busy} onLoadServer={adoptServerVersion} onOverwrite={() => void finish.keepMine()} />
      )}
      <div className="save-bar">
        <button type="button" onClick={undo} disabled={!canUndo} title="Undo (Ctrl+Z)" aria-keyshortcuts="Control+Z">
          Undo
        </button>
        <button type="button" onClick={redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z or Ctrl+Y)" aria-keyshortcuts="Control+Shift+Z Control+Y">
          Redo
        </button>
        <span className="spacer" />
        <button
          type="button"
          onClick={() => void finish.skip()}
          disabled={busy || submitted}
          title="Skip: not offered to you again (s)"
          aria-keyshortcuts="s"
        >
          Skip
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void finish.submit()}
          disabled={busy}
          title="Submit (Ctrl+Enter)"
          aria-keyshortcuts="Control+Enter"
        >
          Submit
        </button>
      </div>
      <p className={save.kind === 'failed' ? 'save-status save-status-warn' : 'save-status'} role="status">
        {finishing.kind === 'busy' && finishing.action === 'skip' ? 'Skipping…' : statusText}
      </p>
    </div>
  );
}
