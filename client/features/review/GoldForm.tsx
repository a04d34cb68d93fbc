import type { FormEvent } from 'react';
import type { JudgmentFields } from '../../../shared/schemas/annotation';
import { MathTextEditor } from '../../math/editor/MathTextEditor';
import { VerdictFields } from '../annotate/VerdictFields';

export interface GoldDraft {
  fields: JudgmentFields;
  reason: string;
  qc: boolean;
  /** Where the fields came from ("alice", "the ORM"), for the heading; null when typed from scratch. */
  startedFrom: string | null;
}

interface GoldFormProps {
  solutionId: number;
  stepCount: number;
  taxonomy: readonly string[];
  draft: GoldDraft;
  onChange: (draft: GoldDraft) => void;
  onSave: () => void;
  saving: boolean;
}

/** The lead's gold judgment: the annotate form's fields, plus the reason and the QC mark. */
export function GoldForm({ solutionId, stepCount, taxonomy, draft, onChange, onSave, saving }: GoldFormProps) {
  const { fields } = draft;
  const id = (name: string) => `gold-${solutionId}-${name}`;
  const edit = (patch: Partial<JudgmentFields>) => onChange({ ...draft, fields: { ...fields, ...patch } });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave();
  };

  return (
    <form className="gold-form judgment-form" aria-label="Gold judgment" onSubmit={submit}>
      {draft.startedFrom && <p className="muted">Started from {draft.startedFrom}’s judgment.</p>}
      <VerdictFields
        idPrefix={`gold-${solutionId}`}
        verdict={fields.verdict}
        firstErrorStep={fields.firstErrorStep}
        errorType={fields.errorType}
        stepCount={stepCount}
        taxonomy={taxonomy}
        onVerdict={(verdict) => edit(verdict === 'correct' ? { verdict, firstErrorStep: null } : { verdict })}
        onStep={(step) => edit(step === null ? { firstErrorStep: null } : { firstErrorStep: step, verdict: 'incorrect' })}
        onErrorType={(errorType) => edit({ errorType })}
      />
      <MathTextEditor id={id('analysis')} label="Error analysis" rows={4} value={fields.errorAnalysis} onChange={(v) => edit({ errorAnalysis: v })} />
      <MathTextEditor
        id={id('suggestion')}
        label="Improvement suggestion"
        rows={3}
        value={fields.improvementSuggestion}
        onChange={(v) => edit({ improvementSuggestion: v })}
      />
      <div className="flags">
        <label>
          <input type="checkbox" checked={fields.flags.unsure} onChange={(e) => edit({ flags: { ...fields.flags, unsure: e.target.checked } })} />
          Unsure
        </label>
        <label>
          <input type="checkbox" checked={fields.flags.badProblem} onChange={(e) => edit({ flags: { ...fields.flags, badProblem: e.target.checked } })} />
          Bad problem
        </label>
      </div>
      <div className="field">
        <label htmlFor={id('reason')}>Reason for this judgment (required)</label>
        <textarea id={id('reason')} rows={3} value={draft.reason} required onChange={(e) => onChange({ ...draft, reason: e.target.value })} />
      </div>
      <label className="qc-mark">
        <input type="checkbox" checked={draft.qc} onChange={(e) => onChange({ ...draft, qc: e.target.checked })} />
        Quality-control item (served blind to annotators at the project’s QC rate)
      </label>
      <div className="gold-actions">
        <button type="submit" className="primary" disabled={saving || draft.reason.trim() === ''}>
          {saving ? 'Saving…' : 'Save gold judgment'}
        </button>
        {draft.reason.trim() === '' && <span className="muted">Write a reason to save.</span>}
      </div>
    </form>
  );
}
