import type { ReactNode } from 'react';
import { formatDate, formatDuration } from '../../app/format-time';
import { MathText } from '../../math/MathText';
import { describeAudit } from '../progress/progress-text';
import { stepLabel, type JudgmentSnapshot, type TimelineItem } from './history-diff';

/** One event of the timeline: who, when, what; for revisions the judgment and what changed. */
export function HistoryItem({ item }: { item: TimelineItem }) {
  const { entry, judgment, changes } = item;
  const headline =
    entry.kind === 'audit'
      ? describeAudit({ actor: entry.actor, action: entry.action, targetType: null, targetId: null })
      : `${entry.actor ?? 'Someone'}: ${entry.kind === 'adjudication' && !entry.action.startsWith('adjudication') ? `adjudication ${entry.action}` : entry.action}`;
  const onBehalf = entry.kind === 'annotation' && entry.annotator && entry.annotator !== entry.actor ? ` (annotation of ${entry.annotator})` : '';
  const whose = entry.kind === 'adjudication' ? 'the previous adjudication' : `${entry.annotator ?? entry.actor ?? 'their'}’s previous revision`;

  return (
    <li className={`timeline-item kind-${entry.kind}`}>
      <div className="timeline-head">
        <time dateTime={entry.at}>{formatDate(entry.at)}</time>
        <strong>
          {headline}
          {onBehalf}
        </strong>
      </div>
      {judgment && <JudgmentFields judgment={judgment} />}
      {changes && (
        <div className="changes">
          <span className="muted">{changes[0] === 'first revision' ? 'First revision.' : `Since ${whose}:`}</span>
          {changes[0] !== 'first revision' && (
            <ul aria-label="Changes">
              {changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </li>
  );
}

function JudgmentFields({ judgment }: { judgment: JudgmentSnapshot }) {
  const flags = [judgment.badProblem ? 'bad problem' : null, judgment.unsure ? 'unsure' : null].filter((f) => f !== null);
  return (
    <dl className="judgment-fields">
      <Field label="Verdict">{judgment.verdict ?? 'none'}</Field>
      {judgment.verdict === 'incorrect' && <Field label="First wrong step">{stepLabel(judgment.firstErrorStep)}</Field>}
      {judgment.errorType && <Field label="Error type">{judgment.errorType}</Field>}
      {flags.length > 0 && <Field label="Flags">{flags.join(', ')}</Field>}
      {judgment.regionCount > 0 && <Field label="Regions">{judgment.regionCount}</Field>}
      {judgment.correctedSolution && <Field label="Corrected solution">{judgment.correctedSolution.length} steps</Field>}
      {judgment.timeSpentMs !== null && <Field label="Time spent">{formatDuration(judgment.timeSpentMs)}</Field>}
      {judgment.errorAnalysis.trim() !== '' && (
        <Field label="Analysis" wide>
          <MathText text={judgment.errorAnalysis} />
        </Field>
      )}
      {judgment.improvementSuggestion.trim() !== '' && (
        <Field label="Suggestion" wide>
          <MathText text={judgment.improvementSuggestion} />
        </Field>
      )}
      {judgment.reason && (
        <Field label="Reason" wide>
          <MathText text={judgment.reason} />
        </Field>
      )}
    </dl>
  );
}

function Field({ label, wide = false, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? 'wide' : undefined}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
