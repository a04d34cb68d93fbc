import type { ChangeEvent } from 'react';
import { MathTextEditor } from '../../math/editor/MathTextEditor';
import { useAppStore } from '../../store/app-store';
import { humaniseTaxonomy, stepLabel } from './judgment-text';

interface JudgmentFormProps {
  solutionId: number;
  stepCount: number;
  taxonomy: readonly string[];
}

/** The annotator's judgment, bound to the draft in the store. Every control has a label. */
export function JudgmentForm({ solutionId, stepCount, taxonomy }: JudgmentFormProps) {
  const verdict = useAppStore((s) => s.draft.fields.verdict);
  const firstErrorStep = useAppStore((s) => s.draft.fields.firstErrorStep);
  const errorType = useAppStore((s) => s.draft.fields.errorType);
  const errorAnalysis = useAppStore((s) => s.draft.fields.errorAnalysis);
  const improvementSuggestion = useAppStore((s) => s.draft.fields.improvementSuggestion);
  const unsure = useAppStore((s) => s.draft.fields.flags.unsure);
  const badProblem = useAppStore((s) => s.draft.fields.flags.badProblem);
  const setVerdict = useAppStore((s) => s.setVerdict);
  const markFirstWrongStep = useAppStore((s) => s.markFirstWrongStep);
  const editDraft = useAppStore((s) => s.editDraft);
  const setFlag = useAppStore((s) => s.setFlag);

  const id = (name: string) => `judgment-${solutionId}-${name}`;
  const onStep = (e: ChangeEvent<HTMLSelectElement>) =>
    markFirstWrongStep(e.target.value === '' ? null : Number(e.target.value));
  const onErrorType = (e: ChangeEvent<HTMLSelectElement>) => editDraft({ errorType: e.target.value || null });
  // A stored error type that the taxonomy no longer lists is still shown, not silently dropped.
  const errorTypes = errorType && !taxonomy.includes(errorType) ? [...taxonomy, errorType] : taxonomy;

  return (
    <div className="judgment-form">
      <fieldset className="verdict">
        <legend>Verdict</legend>
        <label>
          <input
            type="radio"
            name={id('verdict')}
            value="correct"
            checked={verdict === 'correct'}
            aria-keyshortcuts="c"
            onChange={() => setVerdict('correct')}
          />
          Correct
        </label>
        <label>
          <input
            type="radio"
            name={id('verdict')}
            value="incorrect"
            checked={verdict === 'incorrect'}
            aria-keyshortcuts="w"
            onChange={() => setVerdict('incorrect')}
          />
          Incorrect
        </label>
      </fieldset>

      <div className="field-pair">
        <div className="field">
          <label htmlFor={id('step')}>First wrong step</label>
          <select
            id={id('step')}
            value={firstErrorStep === null ? '' : String(firstErrorStep)}
            onChange={onStep}
            disabled={verdict === 'correct'}
          >
            <option value="">— choose a step —</option>
            {Array.from({ length: stepCount }, (_, index) => (
              <option key={index} value={String(index)}>
                {stepLabel(index)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('error-type')}>Error type</label>
          <select id={id('error-type')} value={errorType ?? ''} onChange={onErrorType}>
            <option value="">— none —</option>
            {errorTypes.map((value) => (
              <option key={value} value={value}>
                {humaniseTaxonomy(value)}
              </option>
            ))}
          </select>
        </div>
      </div>

      <MathTextEditor
        id={id('analysis')}
        label="Error analysis"
        rows={4}
        value={errorAnalysis}
        onChange={(value) => editDraft({ errorAnalysis: value }, 'errorAnalysis')}
      />
      <MathTextEditor
        id={id('suggestion')}
        label="Improvement suggestion"
        rows={3}
        value={improvementSuggestion}
        onChange={(value) => editDraft({ improvementSuggestion: value }, 'improvementSuggestion')}
      />

      <div className="flags">
        <label>
          <input type="checkbox" checked={unsure} aria-keyshortcuts="u" onChange={(e) => setFlag('unsure', e.target.checked)} />
          Unsure
        </label>
        <label>
          <input type="checkbox" checked={badProblem} onChange={(e) => setFlag('badProblem', e.target.checked)} />
          Bad problem
        </label>
      </div>
    </div>
  );
}
