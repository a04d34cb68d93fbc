import type { ExportForm } from './export-query';
import { moveSource } from './export-query';

const SOURCE_HELP = {
  gold: 'the lead’s adjudication',
  consensus: 'majority of submitted annotations',
  orm: 'the ORM’s judgment',
} as const;

/** The merge policy (SPEC §4): sources tried in order, each on or off, moved with up/down. */
export function PolicyFields({ form, onChange }: { form: ExportForm; onChange: (next: ExportForm) => void }) {
  const policy = form.policy;
  const move = (index: number, delta: number) => onChange({ ...form, policy: moveSource(policy, index, delta) });
  return (
    <fieldset className="export-policy">
      <legend>Merge policy (first source that decides wins)</legend>
      <ol className="policy-list">
        {policy.map((entry, index) => (
          <li key={entry.source}>
            <span>
              <label>
                <input
                  type="checkbox"
                  checked={entry.on}
                  aria-describedby={`policy-${entry.source}-help`}
                  onChange={(e) => onChange({ ...form, policy: policy.map((p, i) => (i === index ? { ...p, on: e.target.checked } : p)) })}
                />{' '}
                {entry.source}
              </label>{' '}
              <span id={`policy-${entry.source}-help`} className="muted">
                — {SOURCE_HELP[entry.source]}
              </span>
            </span>
            <span className="policy-moves">
              <button type="button" className="small" onClick={() => move(index, -1)} disabled={index === 0} aria-label={`Move ${entry.source} up`}>
                ↑
              </button>
              <button
                type="button"
                className="small"
                onClick={() => move(index, 1)}
                disabled={index === policy.length - 1}
                aria-label={`Move ${entry.source} down`}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
    </fieldset>
  );
}
