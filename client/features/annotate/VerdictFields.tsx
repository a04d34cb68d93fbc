import { humaniseTaxonomy, stepLabel } from './judgment-text';

interface VerdictFieldsProps {
  /** Prefix of the controls' ids (unique on the page). */
  idPrefix: string;
  verdict: 'correct' | 'incorrect' | null;
  firstErrorStep: number | null;
  errorType: string | null;
  stepCount: number;
  taxonomy: readonly string[];
  onVerdict: (verdict: 'correct' | 'incorrect') => void;
  onStep: (step: number | null) => void;
  onErrorType: (errorType: string | null) => void;
  /** Announce the annotate screen's c / w keys on the verdict radios. */
  keyShortcuts?: boolean;
}

/**
 * Verdict, first wrong step and error type: the part of a judgment the annotate form and the
 * lead's gold form share (each binds it to its own state). Every control has a label.
 */
export function VerdictFields(props: VerdictFieldsProps) {
  const { idPrefix, verdict, firstErrorStep, errorType, stepCount, taxonomy } = props;
  const id = (name: string) => `${idPrefix}-${name}`;
  // A stored error type that the taxonomy no longer lists is still shown, not silently dropped.
  const errorTypes = errorType && !taxonomy.includes(errorType) ? [...taxonomy, errorType] : taxonomy;
  const radio = (value: 'correct' | 'incorrect', label: string, key: string) => (
    <label>
      <input
        type="radio"
        name={id('verdict')}
        value={value}
        checked={verdict === value}
        aria-keyshortcuts={props.keyShortcuts ? key : undefined}
        onChange={() => props.onVerdict(value)}
      />
      {label}
    </label>
  );

  return (
    <>
      <fieldset className="verdict">
        <legend>Verdict</legend>
        {radio('correct', 'Correct', 'c')}
        {radio('incorrect', 'Incorrect', 'w')}
      </fieldset>

      <div className="field-pair">
        <div className="field">
          <label htmlFor={id('step')}>First wrong step</label>
          <select
            id={id('step')}
            value={firstErrorStep === null ? '' : String(firstErrorStep)}
            onChange={(e) => props.onStep(e.target.value === '' ? null : Number(e.target.value))}
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
          <select id={id('error-type')} value={errorType ?? ''} onChange={(e) => props.onErrorType(e.target.value || null)}>
            <option value="">— none —</option>
            {errorTypes.map((value) => (
              <option key={value} value={value}>
                {humaniseTaxonomy(value)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </>
  );
}
