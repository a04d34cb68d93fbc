import { memo } from 'react';
import type { SolutionViewDto } from '../../../shared/schemas/api';
import { MathText } from '../../math/MathText';
import { COLUMN_IDS } from '../workspace/WorkspaceColumns';

type Problem = SolutionViewDto['problem'];

/** Left column: the question, its diagrams (scaled to fit), the reference answer tucked away. */
export const ProblemPanel = memo(function ProblemPanel({ problem }: { problem: Problem }) {
  const meta = [problem.subject, problem.source, problem.externalId].filter(Boolean).join(' · ');
  return (
    <section className="column problem-column" id={COLUMN_IDS.problem} aria-labelledby="problem-heading">
      <div className="column-inner">
        <header className="column-head">
          <h2 id="problem-heading">Problem</h2>
          <p className="muted">{meta}</p>
        </header>
        <div className="question">
          <MathText text={problem.question} />
        </div>
        {problem.images.map((image, index) => (
          <figure key={image.sha256} className="diagram">
            <img
              src={image.url}
              alt={`Diagram ${index + 1} of the problem`}
              width={image.width}
              height={image.height}
              decoding="async"
            />
          </figure>
        ))}
        {problem.answer && (
          <details className="reference-answer">
            <summary>Reference answer</summary>
            <MathText text={problem.answer} formula />
          </details>
        )}
      </div>
    </section>
  );
});
