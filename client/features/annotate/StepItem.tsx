import { memo, useLayoutEffect, useRef } from 'react';
import { MathText } from '../../math/MathText';
import { useAppStore } from '../../store/app-store';
import { StepRating } from './StepRating';
import { StepText } from './StepText';

interface StepItemProps {
  /** 0-based; shown from 1. */
  index: number;
  text: string;
  stepCount: number;
  everyStep: boolean;
  /** The ORM names this step as the first wrong one: its model and analysis. */
  orm: { model: string; analysis: string | null } | null;
  /** Typeset the formulas now (else after the first paint; see StepList). */
  mathReady: boolean;
}

/**
 * One step. It selects only its own focus, mark and rating from the store, so moving the focus
 * (j/k) re-renders the two steps involved and nothing else. Its accessible name starts
 * "Step N" (labelled by its number, then its text). Only the focused step's buttons are in the
 * Tab order (a roving tab stop), so Tab reaches the judgment form without crossing every step.
 */
export const StepItem = memo(function StepItem({ index, text, stepCount, everyStep, orm, mathReady }: StepItemProps) {
  const focused = useAppStore((s) => s.focusedStep === index);
  const marked = useAppStore((s) => s.draft.fields.firstErrorStep === index);
  const focusStep = useAppStore((s) => s.focusStep);
  const markFirstWrongStep = useAppStore((s) => s.markFirstWrongStep);
  const item = useRef<HTMLLIElement>(null);
  const mounted = useRef(false);

  // Follow the focus (j/k, clicks); not on mount, which would force a layout of every step.
  useLayoutEffect(() => {
    if (mounted.current && focused) item.current?.scrollIntoView({ block: 'nearest' });
    mounted.current = true;
  }, [focused]);

  const n = index + 1;
  const id = `step-${index}`;
  const className = ['step', focused && 'focused', orm && 'orm-flagged', marked && 'marked-wrong'].filter(Boolean).join(' ');
  return (
    <li
      ref={item}
      className={className}
      data-step-index={index}
      aria-labelledby={`${id}-number ${id}-text`}
      aria-current={focused ? 'step' : undefined}
      onClick={() => focusStep(index, stepCount)}
    >
      <div className="step-head">
        <span className="step-number" id={`${id}-number`}>
          Step {n}
        </span>
        {orm && <span className="badge badge-orm">ORM: first error</span>}
        {marked && <span className="badge badge-mine">Your first wrong step</span>}
        <span className="step-actions">
          {everyStep && <StepRating index={index} stepCount={stepCount} tabbable={focused} />}
          <button
            type="button"
            className="small mark-wrong"
            aria-pressed={marked}
            tabIndex={focused ? 0 : -1}
            aria-label={`Step ${n}: first wrong`}
            title="Mark as the first wrong step (e)"
            onClick={() => markFirstWrongStep(marked ? null : index)}
          >
            First wrong
          </button>
        </span>
      </div>
      <div className="step-text" id={`${id}-text`}>
        <StepText text={text} mathReady={mathReady || focused} />
      </div>
      {orm?.analysis && (
        <div className="orm-note">
          <span className="orm-note-label">ORM ({orm.model}):</span> <MathText text={orm.analysis} />
        </div>
      )}
    </li>
  );
});
