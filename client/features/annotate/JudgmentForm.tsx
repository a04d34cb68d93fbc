import { MathTextEditor } from '../../math/editor/MathTextEditor';
import { useAppStore } from '../../store/app-store';
import { VerdictFields } from './VerdictFields';

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

  return (
    <div className="judgment-form">
      <VerdictFields
        idPrefix={`judgment-${solutionId}`}
        verdict={verdict}
        firstErrorStep={firstErrorStep}
        errorType={errorType}
        stepCount={stepCount}
        taxonomy={taxonomy}
        onVerdict={setVerdict}
        onStep={markFirstWrongStep}
        onErrorType={(value) => editDraft({ errorType: value })}
        keyShortcuts
      />

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
