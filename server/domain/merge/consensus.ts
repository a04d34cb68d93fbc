import type { Verdict } from '../../../shared/schemas/annotation';
import { validStep, type SourceOutcome, type SubmittedAnnotation } from './judgment';

/**
 * Consensus of submitted annotations (SPEC §4). Rules, all deterministic:
 * - fewer than `minAnnotators` (at least 1) → `too_few_annotators`; none at all → no data;
 * - more than half of the annotators flag `badProblem` → `bad_problem`;
 * - verdict: the one given by more than half of ALL submitted annotations (a bad-problem flag
 *   without a verdict counts against both); otherwise, an even split included → `unresolved`;
 * - first error step (0-based): the most frequent among annotators saying incorrect; ties →
 *   the earliest step; out-of-range steps are ignored; none given → null;
 * - error type: the most frequent among annotators saying incorrect; ties → the type of the
 *   earliest-submitted annotation among the tied types;
 * - text fields (analysis, suggestion, corrected solution): taken together from the earliest-
 *   submitted annotation that agrees with the consensus verdict and first error step.
 * "Earliest-submitted" = by `submittedAt`, then annotator name.
 */
export function consensusJudgment(
  annotations: readonly SubmittedAnnotation[],
  minAnnotators: number,
  stepCount: number,
): SourceOutcome {
  const n = annotations.length;
  if (n === 0) return { kind: 'absent' };
  if (n < Math.max(1, minAnnotators)) return { kind: 'failed', reason: 'too_few_annotators' };
  if (annotations.filter((a) => a.badProblem).length * 2 > n) return { kind: 'failed', reason: 'bad_problem' };

  const ordered = [...annotations].sort(bySubmission);
  const verdict = strictMajorityVerdict(ordered, n);
  if (verdict === null) return { kind: 'failed', reason: 'unresolved' };

  const incorrect = ordered.filter((a) => a.verdict === 'incorrect');
  const firstErrorStep = verdict === 'incorrect' ? majorityStep(incorrect, stepCount) : null;
  const errorType = verdict === 'incorrect' ? majorityErrorType(incorrect) : null;
  const author = ordered.find(
    (a) => a.verdict === verdict && (verdict === 'correct' || validStep(a.firstErrorStep, stepCount) === firstErrorStep),
  );
  return {
    kind: 'resolved',
    judgment: {
      verdict,
      firstErrorStep,
      errorType,
      errorAnalysis: author?.errorAnalysis ?? '',
      improvementSuggestion: author?.improvementSuggestion ?? '',
      correctedSolution: author?.correctedSolution ?? null,
      badProblem: false,
    },
  };
}

function bySubmission(a: SubmittedAnnotation, b: SubmittedAnnotation): number {
  const byTime = a.submittedAt.getTime() - b.submittedAt.getTime();
  if (byTime !== 0) return byTime;
  return a.annotator < b.annotator ? -1 : a.annotator > b.annotator ? 1 : 0;
}

function strictMajorityVerdict(annotations: readonly SubmittedAnnotation[], n: number): Verdict | null {
  for (const verdict of ['correct', 'incorrect'] as const) {
    if (annotations.filter((a) => a.verdict === verdict).length * 2 > n) return verdict;
  }
  return null;
}

function majorityStep(incorrect: readonly SubmittedAnnotation[], stepCount: number): number | null {
  const votes = new Map<number, number>();
  for (const a of incorrect) {
    const step = validStep(a.firstErrorStep, stepCount);
    if (step !== null) votes.set(step, (votes.get(step) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestVotes = 0;
  for (const [step, count] of votes) {
    if (count > bestVotes || (count === bestVotes && best !== null && step < best)) {
      best = step;
      bestVotes = count;
    }
  }
  return best;
}

/** `incorrect` is in submission order, so the first type to reach the top count wins ties. */
function majorityErrorType(incorrect: readonly SubmittedAnnotation[]): string | null {
  const votes = new Map<string, number>();
  for (const a of incorrect) {
    if (a.errorType) votes.set(a.errorType, (votes.get(a.errorType) ?? 0) + 1);
  }
  const top = Math.max(0, ...votes.values());
  if (top === 0) return null;
  return incorrect.find((a) => a.errorType !== null && votes.get(a.errorType) === top)?.errorType ?? null;
}
