import { useId, useMemo } from 'react';
import { diffSteps, type DiffPart, type StepChange } from './step-diff';

interface StepDiffViewProps {
  original: readonly string[];
  corrected: readonly string[];
}

/**
 * "Changes from the original": per step, the words deleted (`<del>`) and inserted (`<ins>`),
 * plus whole steps added or removed. Everything is React text, LaTeX shown as source — the
 * data never becomes markup. Unchanged steps are only counted.
 */
export function StepDiffView({ original, corrected }: StepDiffViewProps) {
  const headingId = useId();
  const changes = useMemo(() => diffSteps(original, corrected), [original, corrected]);
  const shown = changes.filter((change) => change.kind !== 'unchanged');
  const unchanged = changes.length - shown.length;

  return (
    <section className="step-diff" aria-labelledby={headingId}>
      <h4 id={headingId}>Changes from the original</h4>
      {shown.length === 0 ? (
        <p className="muted">No changes yet.</p>
      ) : (
        shown.map((change) => <ChangeRow key={changeKey(change)} change={change} />)
      )}
      {shown.length > 0 && unchanged > 0 && (
        <p className="muted">
          {unchanged} {unchanged === 1 ? 'step' : 'steps'} unchanged.
        </p>
      )}
    </section>
  );
}

function changeKey(change: StepChange): string {
  switch (change.kind) {
    case 'added':
      return `a${change.correctedIndex}`;
    case 'removed':
      return `r${change.originalIndex}`;
    default:
      return `c${change.originalIndex}-${change.correctedIndex}`;
  }
}

function ChangeRow({ change }: { change: StepChange }) {
  switch (change.kind) {
    case 'added':
      return (
        <div className="step-diff-row step-diff-added">
          <span className="step-diff-label">Step {change.correctedIndex + 1} added</span>
          <ins className="step-diff-text">{change.text === '' ? '(empty)' : change.text}</ins>
        </div>
      );
    case 'removed':
      return (
        <div className="step-diff-row step-diff-removed">
          <span className="step-diff-label">Step {change.originalIndex + 1} removed</span>
          <del className="step-diff-text">{change.text}</del>
        </div>
      );
    case 'changed': {
      const moved = change.originalIndex !== change.correctedIndex;
      return (
        <div className="step-diff-row">
          <span className="step-diff-label">
            Step {change.correctedIndex + 1}
            {moved && ` (was step ${change.originalIndex + 1})`}
          </span>
          <span className="step-diff-text">
            {change.parts.map((part, index) => (
              <Part key={index} part={part} />
            ))}
          </span>
        </div>
      );
    }
    default:
      return null;
  }
}

function Part({ part }: { part: DiffPart }) {
  if (part.kind === 'inserted') return <ins>{part.text}</ins>;
  if (part.kind === 'deleted') return <del>{part.text}</del>;
  return <>{part.text}</>;
}
