import type { OrmDto, SolutionViewDto } from '../../../shared/schemas/api';
import { MathText } from '../../math/MathText';
import { useAppStore } from '../../store/app-store';
import { ormFlaggedStep, stepLabel } from './judgment-text';

type Solution = SolutionViewDto['solution'];

/**
 * Middle column: the model's solution as numbered steps (0-based in data-step-index, from 1 on
 * screen). The ORM's flagged step and the annotator's first wrong step are marked.
 */
export function StepList({ solution, orm }: { solution: Solution; orm: OrmDto[] }) {
  const firstErrorStep = useAppStore((s) => s.draft.fields.firstErrorStep);
  const markFirstWrongStep = useAppStore((s) => s.markFirstWrongStep);
  const flagged = ormFlaggedStep(orm[0]);

  return (
    <section className="column steps-column" aria-label="Solution steps">
      <h2>Solution</h2>
      <p className="muted">
        {solution.model} · round {solution.round} · {solution.externalId}
      </p>
      <ol className="steps">
        {solution.steps.map((text, index) => {
          const isFlagged = index === flagged;
          const isMine = index === firstErrorStep;
          const className = ['step', isFlagged && 'orm-flagged', isMine && 'marked-wrong'].filter(Boolean).join(' ');
          return (
            <li key={index} className={className} data-step-index={index}>
              <div className="step-head">
                <span className="step-number">{stepLabel(index)}</span>
                {isFlagged && <span className="badge badge-orm">ORM: first error</span>}
                {isMine && <span className="badge badge-mine">Your first wrong step</span>}
                <button type="button" className="small" onClick={() => markFirstWrongStep(index)}>
                  Mark first wrong
                </button>
              </div>
              <div className="step-text">
                <MathText text={text} />
              </div>
            </li>
          );
        })}
      </ol>
      {solution.finalAnswer && (
        <p className="final-answer">
          Final answer: <MathText text={solution.finalAnswer} formula />
        </p>
      )}
    </section>
  );
}
