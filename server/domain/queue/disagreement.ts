import type { Verdict } from '../../../shared/schemas/annotation';

/** What the `disagreement-first` strategy reads from one submitted annotation. */
export interface SubmittedLabel {
  /** null only for a bad-problem flag submitted without a verdict. */
  verdict: Verdict | null;
  /** 0-based; null when the verdict is correct (or the step was not given). */
  firstErrorStep: number | null;
}

/**
 * The part of a label that agreement is about: the verdict, and for `incorrect` the first
 * error step. services/queue.ts computes the same string in SQL.
 */
export function labelSignature(label: SubmittedLabel): string {
  if (label.verdict === 'incorrect') return `incorrect@${label.firstErrorStep ?? '-'}`;
  return label.verdict ?? '-';
}

/**
 * A solution's submitted labels split when they do not all share one signature: different
 * verdicts, or "incorrect" with different first error steps. Needs two labels or more.
 */
export function isSplit(labels: readonly SubmittedLabel[]): boolean {
  return new Set(labels.map(labelSignature)).size > 1;
}
