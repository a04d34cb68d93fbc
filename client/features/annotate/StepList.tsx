import { memo, useEffect, useMemo, useState } from 'react';
import type { OrmDto, SolutionViewDto } from '../../../shared/schemas/api';
import { MathText } from '../../math/MathText';
import { COLUMN_IDS } from '../workspace/WorkspaceColumns';
import { ormFlaggedStep, primaryOrm } from './judgment-text';
import { StepItem } from './StepItem';
import { sliceEnd } from './step-slices';

type Solution = SolutionViewDto['solution'];

interface StepListProps {
  solution: Solution;
  orm: OrmDto[];
  everyStep: boolean;
}

/**
 * Middle column: the model's solution as numbered steps (0-based in data-step-index, from 1 on
 * screen). Reads nothing from the store itself: each StepItem follows its own state.
 * Speed: typesetting LaTeX is the expensive part, so the first screenful of steps is typeset
 * before the first paint and the rest in slices of about a screenful, one task each, so the
 * page paints early and key presses are handled between slices. Until then a step shows its
 * formulas as LaTeX source (StepText); the focused step is always typeset.
 */
export const StepList = memo(function StepList({ solution, orm, everyStep }: StepListProps) {
  const primary = primaryOrm(orm);
  const flagged = ormFlaggedStep(primary);
  const ormNote = useMemo(
    () => (primary ? { model: primary.model, analysis: primary.error_analysis } : null),
    [primary],
  );
  const stepCount = solution.steps.length;
  const [typeset, setTypeset] = useState(() => sliceEnd(solution.steps, 0));
  useEffect(() => {
    if (typeset >= stepCount) return;
    const next = window.setTimeout(() => setTypeset(sliceEnd(solution.steps, typeset)), 0);
    return () => window.clearTimeout(next);
  }, [typeset, stepCount, solution.steps]);

  return (
    <section className="column steps-column" id={COLUMN_IDS.steps} aria-label="Solution steps">
      <div className="column-inner">
        <header className="column-head">
          <h2>Solution</h2>
          <p className="muted">
            {solution.model} · round {solution.round} · {solution.externalId} · {stepCount} steps
          </p>
        </header>
        <ol className="steps">
          {solution.steps.map((text, index) => (
            <StepItem
              key={index}
              index={index}
              text={text}
              stepCount={stepCount}
              everyStep={everyStep}
              orm={index === flagged ? ormNote : null}
              mathReady={index < typeset}
            />
          ))}
        </ol>
        {solution.finalAnswer && (
          <p className="final-answer">
            Final answer: <MathText text={solution.finalAnswer} formula />
          </p>
        )}
        <p className="key-hint muted">
          <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>e</kbd> first wrong
          {everyStep && (
            <>
              {' '}
              · <kbd>1</kbd>/<kbd>2</kbd>/<kbd>3</kbd> rate
            </>
          )}{' '}
          · <kbd>?</kbd> all keys
        </p>
      </div>
    </section>
  );
});
