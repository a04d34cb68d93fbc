import type { SolutionViewDto } from '../../../shared/schemas/api';
import { MathText } from '../../math/MathText';

type Problem = SolutionViewDto['problem'];

/** Left column: the question, its diagrams (scaled to fit), the reference answer tucked away. */
export function ProblemPanel({ problem, guidelines }: { problem: Problem; guidelines: string }) {
  const meta = [problem.subject, problem.source, problem.externalId].filter(Boolean).join(' · ');
  return (
    <section className="column problem-column" aria-labelledby="problem-heading">
      <h2 id="problem-heading">Problem</h2>
      <p className="muted">{meta}</p>
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
      {guidelines.trim() && (
        <details className="guidelines">
          <summary>Project guidelines</summary>
          <p className="pre-wrap">{guidelines}</p>
        </details>
      )}
    </section>
  );
}
