import type { JudgmentFields } from '../../../shared/schemas/annotation';
import type { AnnotationDto, OrmDto } from '../../../shared/schemas/api';
import { MathText } from '../../math/MathText';
import { OrmJudgment } from '../annotate/OrmJudgment';
import { humaniseTaxonomy, stepLabel } from '../annotate/judgment-text';
import { ratingText } from './review-text';

export type NamedAnnotation = AnnotationDto & { annotator: string };

interface LabelCardsProps {
  annotations: readonly NamedAnnotation[];
  orm: readonly OrmDto[];
  colourOf: (annotator: string) => string;
  onUseAnnotation: (annotation: NamedAnnotation) => void;
  onUseOrm: (orm: OrmDto) => void;
}

/** Every annotator's labels side by side, then the ORM's judgment(s), each with "Use …'s". */
export function LabelCards({ annotations, orm, colourOf, onUseAnnotation, onUseOrm }: LabelCardsProps) {
  return (
    <div className="label-cards">
      {annotations.length === 0 && <p className="muted">No annotator has labelled this solution yet.</p>}
      {annotations.map((a) => (
        <article key={a.annotator} className="label-card" aria-label={`Labels of ${a.annotator}`} style={{ borderTopColor: colourOf(a.annotator) }}>
          <header className="label-card-head">
            <span className="swatch" style={{ background: colourOf(a.annotator) }} aria-hidden="true" />
            <strong>{a.annotator}</strong>
            {a.status === 'draft' && <span className="badge badge-warn">draft</span>}
          </header>
          <JudgmentDetails judgment={a} />
          <button type="button" onClick={() => onUseAnnotation(a)}>
            Use {a.annotator}’s
          </button>
        </article>
      ))}
      {orm.map((judgment, index) => (
        <article key={`${judgment.model}-${index}`} className="label-card orm-label-card" aria-label={`ORM ${judgment.model}`}>
          <OrmJudgment judgment={judgment} />
          <button type="button" onClick={() => onUseOrm(judgment)}>
            Use the ORM’s ({judgment.model})
          </button>
        </article>
      ))}
    </div>
  );
}

/** The fields of one judgment, read-only. Text with LaTeX goes through MathText (never HTML). */
export function JudgmentDetails({ judgment }: { judgment: JudgmentFields }) {
  const { verdict, firstErrorStep, errorType, stepRatings, errorAnalysis, improvementSuggestion, correctedSolution, regions, flags } = judgment;
  return (
    <dl className="judgment-details">
      <dt>Verdict</dt>
      <dd>
        <span className={verdict === 'incorrect' ? 'badge badge-wrong' : verdict === 'correct' ? 'badge badge-correct' : 'badge'}>
          {verdict ?? 'none'}
        </span>
      </dd>
      <dt>First wrong step</dt>
      <dd>{firstErrorStep === null ? '—' : stepLabel(firstErrorStep)}</dd>
      <dt>Error type</dt>
      <dd>{errorType ? humaniseTaxonomy(errorType) : '—'}</dd>
      {stepRatings && (
        <>
          <dt>Step ratings</dt>
          <dd className="ratings">
            {stepRatings.map((r, i) => (
              <span key={i} title={stepLabel(i)} className={`rating rating-${r ?? 'none'}`}>
                {ratingText(r)}
              </span>
            ))}
          </dd>
        </>
      )}
      <dt>Analysis</dt>
      <dd>{errorAnalysis ? <MathText text={errorAnalysis} /> : '—'}</dd>
      {improvementSuggestion && (
        <>
          <dt>Suggestion</dt>
          <dd>
            <MathText text={improvementSuggestion} />
          </dd>
        </>
      )}
      {correctedSolution && correctedSolution.length > 0 && (
        <>
          <dt>Corrected solution</dt>
          <dd>
            <ol className="corrected-steps">
              {correctedSolution.map((step, i) => (
                <li key={i}>
                  <MathText text={step} />
                </li>
              ))}
            </ol>
          </dd>
        </>
      )}
      <dt>Flags</dt>
      <dd>{[flags.unsure && 'unsure', flags.badProblem && 'bad problem'].filter(Boolean).join(', ') || '—'}</dd>
      <dt>Regions</dt>
      <dd>{regions.length}</dd>
    </dl>
  );
}
