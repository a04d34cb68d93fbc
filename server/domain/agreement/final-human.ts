import { resolveJudgment, type Judgment, type MergePolicy, type SubmittedAnnotation } from '../merge/merge';
import { VERDICT_NAMES, type AgreementData } from './report-data';

/** The final human judgment per solution, in the codes of report-data.ts. */
export interface FinalHuman {
  verdict: Int8Array;
  firstErrorStep: Int32Array;
  errorType: Int32Array;
  /** 1 where gold decided, 2 consensus, 0 none. */
  source: Uint8Array;
}

/**
 * The final judgment of SPEC §4 under the default policy `gold,consensus` with the project's
 * overlap as `minAnnotators`: the rules of domain/merge (merge.ts `goldJudgment`, consensus.ts),
 * computed on the columns without building merge objects (a million annotations). Steps are
 * trusted as stored (submissions are checked against the solution's steps when saved).
 * `final-human.test.ts` checks it equals `finalHumanJudgmentsViaMerge` on random data.
 */
export function finalHumanJudgments(data: AgreementData, minAnnotators: number): FinalHuman {
  const count = data.solutions.count;
  const out: FinalHuman = {
    verdict: new Int8Array(count).fill(-1),
    firstErrorStep: new Int32Array(count).fill(-1),
    errorType: new Int32Array(count).fill(-1),
    source: new Uint8Array(count),
  };
  const a = data.annotations;
  const g = data.gold;
  const order: number[] = [];
  for (let s = 0; s < count; s++) {
    if (g.present[s] === 1) {
      if (g.badProblem[s] === 1) continue; // a finding: no final judgment at all
      const v = g.verdict[s] as number;
      if (v >= 0) {
        out.verdict[s] = v;
        out.source[s] = 1;
        if (v === 1) {
          out.firstErrorStep[s] = g.firstErrorStep[s] as number;
          out.errorType[s] = g.errorType[s] as number;
        }
        continue;
      }
    }
    const from = data.start[s] as number;
    const to = data.start[s + 1] as number;
    const n = to - from;
    if (n === 0 || n < Math.max(1, minAnnotators)) continue;
    let bad = 0;
    let correct = 0;
    let incorrect = 0;
    for (let r = from; r < to; r++) {
      bad += a.badProblem[r] as number;
      if (a.verdict[r] === 0) correct += 1;
      else if (a.verdict[r] === 1) incorrect += 1;
    }
    if (bad * 2 > n) continue;
    const verdict = correct * 2 > n ? 0 : incorrect * 2 > n ? 1 : -1;
    if (verdict < 0) continue;
    out.verdict[s] = verdict;
    out.source[s] = 2;
    if (verdict === 0) continue;
    // Submission order (time, then annotator name = rater index: raters are sorted by name).
    order.length = 0;
    for (let r = from; r < to; r++) if (a.verdict[r] === 1) order.push(r);
    order.sort((x, y) => (a.submittedAt[x] as number) - (a.submittedAt[y] as number) || (a.rater[x] as number) - (a.rater[y] as number));
    out.firstErrorStep[s] = majority(order, a.firstErrorStep, 'smallest');
    out.errorType[s] = majority(order, a.errorType, 'first');
  }
  return out;
}

/**
 * The most frequent value ≥ 0 of `values` among the rows; none → −1. Ties go to the smallest value
 * (`ties: 'smallest'`, first wrong steps: the earliest step) or to the first of them to appear in
 * `rows` (`ties: 'first'`, error types in submission order).
 */
function majority(rows: readonly number[], values: Int32Array, ties: 'smallest' | 'first'): number {
  let best = -1;
  let bestVotes = 0;
  for (const r of rows) {
    const value = values[r] as number;
    if (value < 0) continue;
    let votes = 0;
    for (const q of rows) if (values[q] === value) votes += 1;
    if (votes > bestVotes || (ties === 'smallest' && votes === bestVotes && value < best)) {
      best = value;
      bestVotes = votes;
    }
  }
  return best;
}

/** The same through domain/merge's `resolveJudgment`, one solution at a time (the reference). */
export function finalHumanJudgmentsViaMerge(data: AgreementData, minAnnotators: number): FinalHuman {
  const count = data.solutions.count;
  const out: FinalHuman = {
    verdict: new Int8Array(count).fill(-1),
    firstErrorStep: new Int32Array(count).fill(-1),
    errorType: new Int32Array(count).fill(-1),
    source: new Uint8Array(count),
  };
  const policy: MergePolicy = { sources: ['gold', 'consensus'], minAnnotators };
  const typeIndex = new Map(data.errorTypeNames.map((name, i) => [name, i]));
  const a = data.annotations;
  const g = data.gold;
  for (let s = 0; s < count; s++) {
    const annotations: SubmittedAnnotation[] = [];
    for (let r = data.start[s] as number; r < (data.start[s + 1] as number); r++) {
      annotations.push({
        ...judgment(a.verdict[r] as number, a.firstErrorStep[r] as number, a.errorType[r] as number, a.badProblem[r] === 1, data.errorTypeNames),
        annotator: data.raters[a.rater[r] as number] ?? '',
        submittedAt: new Date(a.submittedAt[r] as number),
      });
    }
    const gold = g.present[s] === 1
      ? judgment(g.verdict[s] as number, g.firstErrorStep[s] as number, g.errorType[s] as number, g.badProblem[s] === 1, data.errorTypeNames)
      : null;
    const result = resolveJudgment({ gold, annotations, orm: [], stepCount: Number.MAX_SAFE_INTEGER }, policy);
    if (!result.ok) continue;
    out.verdict[s] = result.judgment.verdict === 'correct' ? 0 : 1;
    out.firstErrorStep[s] = result.judgment.firstErrorStep ?? -1;
    out.errorType[s] = result.judgment.errorType === null ? -1 : (typeIndex.get(result.judgment.errorType) ?? -1);
    out.source[s] = result.source === 'gold' ? 1 : 2;
  }
  return out;
}

function judgment(verdict: number, step: number, errorType: number, badProblem: boolean, names: readonly string[]): Judgment {
  return {
    verdict: verdict < 0 ? null : (VERDICT_NAMES[verdict] ?? null),
    firstErrorStep: step < 0 ? null : step,
    errorType: errorType < 0 ? null : (names[errorType] ?? null),
    errorAnalysis: '',
    improvementSuggestion: '',
    correctedSolution: null,
    badProblem,
  };
}
