import { useState, type FormEvent } from 'react';
import { describeError } from '../../api/api-error';
import { getQcSummary, setQcRate } from '../../api/review';
import { Link } from '../../app/Link';
import { paths } from '../../app/routes';
import { useRemote } from '../../app/use-remote';
import { parseQcRate } from './qc-rate';

/**
 * Quality control (issue 6): the share of each annotator's items that are QC items — solutions
 * whose gold a lead marked "QC", served blind — saved on its own (PATCH `{qcRate}`).
 */
export function QcRateSection({ project }: { project: string }) {
  const summary = useRemote(() => getQcSummary(project), project);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const value = text ?? (summary.data ? String(summary.data.qcRate) : '');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseQcRate(value);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await setQcRate(project, parsed.rate);
      setSaved(true);
      setText(null);
      summary.reload();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="qc-settings" aria-labelledby="qc-settings-heading">
      <h2 id="qc-settings-heading">Quality control</h2>
      <form onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="settings-qc-rate">QC rate (0 to 1)</label>
          <input
            id="settings-qc-rate"
            type="text"
            inputMode="decimal"
            size={8}
            value={value}
            aria-invalid={error ? true : undefined}
            aria-describedby="settings-qc-rate-hint"
            onChange={(e) => {
              setText(e.target.value);
              setSaved(false);
            }}
          />
          <span id="settings-qc-rate-hint" className="muted">
            0.1 makes every 10th new item of each annotator a QC item (when one is left for them); 0 turns QC off.{' '}
            {summary.data && `${summary.data.qcItems} QC item${summary.data.qcItems === 1 ? '' : 's'} marked — mark them on `}
            {summary.data && <Link href={paths.projectReview(project)}>the review pages</Link>}
            {summary.data && '.'}
          </span>
          {error && (
            <span className="form-error" role="alert">
              {error}
            </span>
          )}
        </div>
        <button type="submit" disabled={busy}>
          Save QC rate
        </button>{' '}
        {saved && (
          <span className="notice" role="status">
            Saved.
          </span>
        )}
      </form>
    </section>
  );
}
