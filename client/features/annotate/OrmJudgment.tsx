import type { OrmDto } from '../../../shared/schemas/api';
import { MathText } from '../../math/MathText';
import { stepLabel } from './judgment-text';

interface OrmJudgmentProps {
  judgment: OrmDto;
  /** Several ORM judgments: this is the one "Accept" and the step highlight use. */
  primary?: boolean;
  /** Its analysis is already shown under the flagged step: say where instead of repeating it. */
  analysisAtStep?: number | null;
}

/** One ORM judgment as the ORM wrote it, with the step Redline parsed from `error_step`. */
export function OrmJudgment({ judgment, primary = false, analysisAtStep = null }: OrmJudgmentProps) {
  const { status, score } = judgment;
  return (
    <article className="orm-card" aria-label={`ORM judgment by ${judgment.model}`}>
      <header className="orm-head">
        <span className="orm-model">{judgment.model}</span>
        {primary && <span className="muted">(latest: used by Accept)</span>}
        <span className={status === 'WRONG' ? 'badge badge-wrong' : 'badge badge-correct'}>{status}</span>
        {score !== null && <span className="muted">score {score.toFixed(2)}</span>}
      </header>
      <dl className="orm-fields">
        {(judgment.error_step || judgment.stepUnclear || judgment.error_step_index !== null) && (
          <>
            <dt>Error step</dt>
            <dd>
              {judgment.error_step && <MathText text={judgment.error_step} />}{' '}
              {judgment.stepUnclear ? (
                <span className="badge badge-warn">ORM step unclear</span>
              ) : (
                judgment.error_step_index !== null && (
                  <span className="badge badge-orm">{stepLabel(judgment.error_step_index)}</span>
                )
              )}
            </dd>
          </>
        )}
        {judgment.error_analysis && (
          <>
            <dt>Analysis</dt>
            <dd>
              {analysisAtStep === null ? (
                <MathText text={judgment.error_analysis} />
              ) : (
                <span className="muted">shown under {stepLabel(analysisAtStep)}</span>
              )}
            </dd>
          </>
        )}
        {judgment.improvement_suggestion && (
          <>
            <dt>Suggestion</dt>
            <dd>
              <MathText text={judgment.improvement_suggestion} />
            </dd>
          </>
        )}
      </dl>
    </article>
  );
}
