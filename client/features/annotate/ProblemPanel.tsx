import { memo } from 'react';
import type { SolutionViewDto } from '../../../shared/schemas/api';
import { MathText } from '../../math/MathText';
import { DiagramPanel } from '../diagram/DiagramPanel';
import { COLUMN_IDS } from '../workspace/WorkspaceColumns';

type Problem = SolutionViewDto['problem'];

/** Left column: the question, its diagrams with the region tools, the reference answer tucked away. */
export const ProblemPanel = memo(function ProblemPanel({ problem, stepCount }: { problem: Problem; stepCount: number }) {
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
        {problem.images.length > 0 && <DiagramPanel images={problem.images} stepCount={stepCount} />}
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
