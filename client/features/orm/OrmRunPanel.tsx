import { useState } from 'react';
import type { OrmRunDetailDto } from '../../../shared/schemas/judge';
import { describeError } from '../../api/api-error';
import { cancelOrmRun, getOrmRun } from '../../api/orm-runs';
import { usePolled } from '../../app/use-polled';
import { describeCounts, isActive, STATE_LABEL } from './orm-form';

/** One run: a live progress bar while it runs, Stop, then what it could not parse or send. */
export function OrmRunPanel({ project, runId, onChanged }: { project: string; runId: number; onChanged: () => void }) {
  const polled = usePolled(() => getOrmRun(project, runId), isActive, onChanged, `${project}/${runId}`);
  const run = polled.value;
  const [stopError, setStopError] = useState<string | null>(null);
  const error = stopError ?? polled.error;
  const [stopping, setStopping] = useState(false);

  const stop = () => {
    setStopping(true);
    cancelOrmRun(project, runId).then(
      (next) => {
        setStopError(null);
        polled.set(next);
      },
      (cause: unknown) => setStopError(describeError(cause)),
    ).finally(() => setStopping(false));
  };

  const c = run?.counts;
  return (
    <section className="orm-run" aria-label={`ORM run ${runId}`}>
      <h2>Run {runId}{run && ` — ${run.model}`}</h2>
      {error && <p role="alert">Could not read the run: {error}</p>}
      {run && c && (
        <>
          <div className="run-progress">
            <progress aria-label="ORM run progress" max={c.total || 1} value={c.total === 0 ? 1 : c.done} />
            <p role="status">
              {STATE_LABEL[run.state]}: {describeCounts(run)}
            </p>
            {run.state === 'running' && (
              <button type="button" onClick={stop} disabled={stopping}>
                Stop
              </button>
            )}
          </div>
          <p className="muted">
            {run.endpoint} · concurrency {run.concurrency} · {run.round === null ? 'every round' : `round ${run.round}`} · {run.customPrompt ? 'custom prompt' : 'default prompt'}
          </p>
          {run.error && <p role="alert">The run failed: {run.error}</p>}
          <ReplyList run={run} />
        </>
      )}
    </section>
  );
}

/** Model output is untrusted: shown as plain text, never as HTML or rendered math. */
function ReplyList({ run }: { run: OrmRunDetailDto }) {
  return (
    <>
      {run.unparseableReplies.length > 0 && (
        <section className="replies" aria-label="Unparseable replies">
          <h3>
            Replies it could not parse ({run.counts.unparseable}
            {run.counts.unparseable > run.unparseableReplies.length && `, first ${run.unparseableReplies.length} shown`})
          </h3>
          <ol>
            {run.unparseableReplies.map((u) => (
              <li key={u.solution}>
                <strong>{u.solution}</strong>: {u.reason}
                <pre className="reply-text">{u.reply}</pre>
              </li>
            ))}
          </ol>
        </section>
      )}
      {run.failures.length > 0 && (
        <section className="replies" aria-label="Failed requests">
          <h3>Requests that failed ({run.counts.failed})</h3>
          <ol>
            {run.failures.map((f) => (
              <li key={f.solution}>
                <strong>{f.solution}</strong>: {f.reason}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
