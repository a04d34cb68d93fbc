import type { OrmDto, SolutionViewDto } from '../../../shared/schemas/api';
import { MathText } from '../../math/MathText';
import { ormFlaggedStep, primaryOrm, stepLabel } from '../annotate/judgment-text';
import type { NamedAnnotation } from './LabelCards';
import { firstWrongMarks } from './review-text';

interface ReviewStepsProps {
  solution: SolutionViewDto['solution'];
  annotations: readonly NamedAnnotation[];
  orm: readonly OrmDto[];
  colourOf: (annotator: string) => string;
  /** The gold form's first wrong step, when its verdict is incorrect. */
  goldStep: number | null;
}

/** The solution's numbered steps; each step says who called it the first wrong one (annotators, ORM, gold). */
export function ReviewSteps({ solution, annotations, orm, colourOf, goldStep }: ReviewStepsProps) {
  const marks = firstWrongMarks(annotations);
  const primary = primaryOrm(orm);
  const ormStep = ormFlaggedStep(primary);
  return (
    <section className="review-panel" aria-labelledby="review-steps-heading">
      <h2 id="review-steps-heading">Solution</h2>
      <p className="muted">
        {solution.steps.length} steps · {solution.externalId}
      </p>
      <ol className="steps review-steps">
        {solution.steps.map((text, index) => {
          const who = marks.get(index) ?? [];
          const flagged = who.length > 0 || index === ormStep || index === goldStep;
          return (
            <li
              key={index}
              className={`step${who.length > 0 ? ' marked-wrong' : ''}${index === ormStep ? ' orm-flagged' : ''}${index === goldStep ? ' gold-step' : ''}`}
              data-step-index={index}
              aria-label={stepLabel(index)}
            >
              <div className="step-head">
                <span className="step-number">{stepLabel(index)}</span>
                {flagged && (
                  <span className="step-marks" aria-label={`First wrong for: ${[...who, ...(index === ormStep ? ['ORM'] : []), ...(index === goldStep ? ['gold'] : [])].join(', ')}`}>
                    {who.map((name) => (
                      <span key={name} className="mark-chip" style={{ background: colourOf(name) }}>
                        {name}
                      </span>
                    ))}
                    {index === ormStep && <span className="badge badge-orm">ORM</span>}
                    {index === goldStep && <span className="mark-chip gold-chip">gold</span>}
                  </span>
                )}
              </div>
              <MathText text={text} />
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
