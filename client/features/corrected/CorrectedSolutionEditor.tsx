import { useEffect, useId, useRef } from 'react';
import { MathText } from '../../math/MathText';
import { MathTextEditor } from '../../math/editor/MathTextEditor';
import { addStep, keptStepCount, removeStep, replaceStep, startCorrection } from './corrected-steps';
import { StepDiffView } from './StepDiffView';
import './corrected-solution.css';

export interface CorrectedSolutionEditorProps {
  /** The model's steps, 0-based. */
  steps: string[];
  /** 0-based index of the first wrong step; null when the verdict is correct (or not given). */
  firstErrorStep: number | null;
  /** The corrected solution's steps, or null when the annotator has written none. */
  value: string[] | null;
  onChange: (value: string[] | null) => void;
}

/**
 * The optional corrected solution (SPEC §2 `correctedSolution`): a copy of the model's steps in
 * which the steps before the first wrong one are kept read-only and the rest are rewritten,
 * added or removed, with a word-level view of what changed. Plain data in, plain data out.
 */
export function CorrectedSolutionEditor({ steps, firstErrorStep, value, onChange }: CorrectedSolutionEditorProps) {
  const headingId = useId();
  const baseId = useId();
  const stepId = (index: number) => `${baseId}corrected-step-${index}`;
  const addButton = useRef<HTMLButtonElement>(null);
  /** After adding or removing a step, the step whose textarea gets the focus. */
  const focusAfterChange = useRef<number | null>(null);

  useEffect(() => {
    const index = focusAfterChange.current;
    if (index === null) return;
    focusAfterChange.current = null;
    const target = index >= 0 ? document.getElementById(stepId(index)) : null;
    (target ?? addButton.current)?.focus();
  });

  const kept = value === null ? 0 : keptStepCount(steps, value, firstErrorStep);

  const add = () => {
    if (value === null) return;
    focusAfterChange.current = value.length;
    onChange(addStep(value));
  };
  const remove = (index: number) => {
    if (value === null) return;
    const next = removeStep(value, index);
    // The step that moved into its place, else the one before it, else "Add step".
    focusAfterChange.current = index < next.length ? index : index - 1 >= kept ? index - 1 : -1;
    onChange(next);
  };

  return (
    <section className="corrected" aria-labelledby={headingId}>
      <h3 id={headingId}>Corrected solution</h3>
      {firstErrorStep === null && (
        <p className="corrected-hint">
          A corrected solution is for incorrect solutions. With no first wrong step marked, every step is
          editable.
        </p>
      )}
      {value === null ? (
        <>
          <p className="muted">Optional: rewrite the solution from the first wrong step on.</p>
          <button type="button" onClick={() => onChange(startCorrection(steps))}>
            Start from the model&apos;s steps
          </button>
        </>
      ) : (
        <>
          {kept > 0 && (
            <p className="muted">
              {kept === 1 ? 'Step 1 is' : `Steps 1–${kept} are`} kept from the model; the first wrong step is step{' '}
              {kept + 1}.
            </p>
          )}
          <div className="corrected-steps">
            {value.map((text, index) =>
              index < kept ? (
                <KeptStep key={index} index={index} text={text} />
              ) : (
                <div key={index} className="corrected-step">
                  <MathTextEditor
                    id={stepId(index)}
                    label={`Corrected step ${index + 1}`}
                    value={text}
                    rows={2}
                    onChange={(next) => onChange(replaceStep(value, index, next))}
                  />
                  <button type="button" className="small corrected-remove" onClick={() => remove(index)}>
                    Remove step {index + 1}
                  </button>
                </div>
              ),
            )}
            {value.length === 0 && <p className="muted">No steps. Add one, or discard the correction.</p>}
          </div>
          <div className="corrected-actions">
            <button type="button" ref={addButton} onClick={add}>
              Add step
            </button>
            <button type="button" onClick={() => onChange(null)}>
              Discard correction
            </button>
          </div>
          <StepDiffView original={steps} corrected={value} />
        </>
      )}
    </section>
  );
}

function KeptStep({ index, text }: { index: number; text: string }) {
  const labelId = useId();
  return (
    <div className="corrected-kept" role="group" aria-labelledby={labelId}>
      <div id={labelId} className="corrected-kept-label">
        Step {index + 1} (kept)
      </div>
      <MathText text={text} />
    </div>
  );
}
