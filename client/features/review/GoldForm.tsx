import type { ChangeEvent, FormEvent } from 'react';
import type { JudgmentFields } from '../../../shared/schemas/annotation';
import { MathTextEditor } from '../../math/editor/MathTextEditor';
import { humaniseTaxonomy, stepLabel } from '../annotate/judgment-text';

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
  const onStep = (e: ChangeEvent<HTMLSelectElement>) => {
    const step = e.target.value === '' ? null : Number(e.target.value);
    edit(step === null ? { firstErrorStep: null } : { firstErrorStep: step, verdict: 'incorrect' });
  };
  const errorTypes = fields.errorType && !taxonomy.includes(fields.errorType) ? [...taxonomy, fields.errorType] : taxonomy;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave();
  };

  return (
    <form className="gold-form judgment-form" aria-label="Gold judgment" onSubmit={submit}>
      {draft.startedFrom && <p className="muted">Started from {draft.startedFrom}’s judgment.</p>}
      <fieldset className="verdict">
        <legend>Verdict</legend>
        <label>
          <input type="radio" name={id('verdict')} checked={fields.verdict === 'correct'} onChange={() => edit({ verdict: 'correct', firstErrorStep: null })} />
          Correct
        </label>
        <label>
          <input type="radio" name={id('verdict')} checked={fields.verdict === 'incorrect'} onChange={() => edit({ verdict: 'incorrect' })} />
          Incorrect
        </label>
      </fieldset>
      <div className="field-pair">
        <div className="field">
          <label htmlFor={id('step')}>First wrong step</label>
          <select id={id('step')} value={fields.firstErrorStep === null ? '' : String(fields.firstErrorStep)} onChange={onStep} disabled={fields.verdict === 'correct'}>
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
          <select id={id('error-type')} value={fields.errorType ?? ''} onChange={(e) => edit({ errorType: e.target.value || null })}>
            <option value="">— none —</option>
            {errorTypes.map((value) => (
              <option key={value} value={value}>
                {humaniseTaxonomy(value)}
              </option>
            ))}
          </select>
        </div>
      </div>
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
