import { useAppStore } from '../../store/app-store';

const OPTIONS = [
  { rating: -1, text: '−1', name: 'wrong' },
  { rating: 0, text: '0', name: 'neutral' },
  { rating: 1, text: '+1', name: 'good' },
] as const;

/**
 * PRM800K rating of one step (−1 wrong, 0 neutral, +1 good) as three toggle buttons named
 * "Step N: wrong" / "neutral" / "good"; pressing the chosen one again clears it.
 */
export function StepRating({ index, stepCount, tabbable }: { index: number; stepCount: number; tabbable: boolean }) {
  const rating = useAppStore((s) => s.draft.fields.stepRatings?.[index] ?? null);
  const setStepRating = useAppStore((s) => s.setStepRating);
  return (
    <span className="step-rating" role="group" aria-label={`Rating of step ${index + 1}`}>
      {OPTIONS.map((option) => (
        <button
          key={option.name}
          type="button"
          className={`rate rate-${option.name}`}
          aria-pressed={rating === option.rating}
          tabIndex={tabbable ? 0 : -1}
          aria-label={`Step ${index + 1}: ${option.name}`}
          title={`${option.name} (${option.rating + 2})`}
          onClick={() => setStepRating(index, rating === option.rating ? null : option.rating, stepCount)}
        >
          {option.text}
        </button>
      ))}
    </span>
  );
}
