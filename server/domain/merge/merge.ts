import { consensusJudgment } from './consensus';
import type { Judgment, MergeInput, MergeLeftOutReason, MergePolicy, MergeResult, MergeSource, SourceOutcome } from './judgment';
import { validStep } from './judgment';
import { ormJudgment } from './orm';

export * from './judgment';

/**
 * Merge (SPEC §4): one final judgment per solution from an ordered list of sources. The first
 * source that yields a judgment wins and is named as the record's provenance. Pure: the caller
 * loads the inputs.
 */

/**
 * The final judgment of one solution under `policy`. When no source resolves, the reason is
 * that of the first source in the policy that had data (e.g. `too_few_annotators` before a
 * missing ORM), else `no_judgment`. A `bad_problem` finding stops the search at once.
 */
export function resolveJudgment(input: MergeInput, policy: MergePolicy): MergeResult {
  let firstReason: MergeLeftOutReason | null = null;
  for (const source of policy.sources) {
    const outcome = trySource(source, input, policy);
    if (outcome.kind === 'resolved') {
      const annotators = input.annotations.length;
      const agreeing = input.annotations.filter((a) => a.verdict === outcome.judgment.verdict).length;
      return {
        ok: true,
        source,
        judgment: outcome.judgment,
        annotators,
        agreement: annotators === 0 ? null : agreeing / annotators,
      };
    }
    if (outcome.kind === 'failed') {
      if (outcome.reason === 'bad_problem') return { ok: false, reason: 'bad_problem' };
      firstReason ??= outcome.reason;
    }
  }
  return { ok: false, reason: firstReason ?? 'no_judgment' };
}

function trySource(source: MergeSource, input: MergeInput, policy: MergePolicy): SourceOutcome {
  switch (source) {
    case 'gold':
      return goldJudgment(input.gold, input.stepCount);
    case 'consensus':
      return consensusJudgment(input.annotations, policy.minAnnotators, input.stepCount);
    case 'orm':
      return ormJudgment(input.orm, policy, input.stepCount);
  }
}

/** The adjudication as it stands: its bad-problem flag wins over its verdict. */
export function goldJudgment(gold: Judgment | null, stepCount: number): SourceOutcome {
  if (!gold) return { kind: 'absent' };
  if (gold.badProblem) return { kind: 'failed', reason: 'bad_problem' };
  if (gold.verdict === null) return { kind: 'absent' };
  return {
    kind: 'resolved',
    judgment: {
      ...gold,
      verdict: gold.verdict,
      firstErrorStep: gold.verdict === 'incorrect' ? validStep(gold.firstErrorStep, stepCount) : null,
      errorType: gold.verdict === 'incorrect' ? gold.errorType : null,
      badProblem: false,
    },
  };
}
