import type { FinalHuman } from './final-human';
import type { AgreementData } from './report-data';
import type { RoundTransition } from './round-transitions';

/** Which cell of the dashboard to open (shared/schemas/agreement.ts DrillDownQuerySchema, checked). */
export type DrillDownCell =
  | { cell: 'confusion'; human: 0 | 1; orm: 0 | 1 }
  | { cell: 'pair'; a: string; b: string }
  | { cell: 'errorType'; errorType: string }
  | { cell: 'transition'; from: number; to: number; transition: Exclude<keyof RoundTransition, 'from' | 'to' | 'problems'> }
  | { cell: 'annotator'; name: string }
  | { cell: 'qc'; name: string };

/**
 * The solutions (indices into `data`, ascending) behind one cell of the report, by the report's
 * own rules: confusion = final human verdict × ORM verdict; pair = both annotators gave a verdict
 * and the verdicts differ; errorType = final judgment incorrect with that type; transition = the
 * judged solutions, in both rounds, of the problems in that transition cell; annotator = what they
 * submitted; qc = QC items where their verdict differs from gold. Unknown names select nothing.
 */
export function drillDown(data: AgreementData, final: FinalHuman, query: DrillDownCell): number[] {
  const out: number[] = [];
  const S = data.solutions.count;
  const a = data.annotations;
  const verdictOf = (s: number, rater: number): number => {
    for (let row = data.start[s] as number; row < (data.start[s + 1] as number); row++) if (a.rater[row] === rater) return a.verdict[row] as number;
    return -2; // did not submit
  };
  switch (query.cell) {
    case 'confusion':
      for (let s = 0; s < S; s++) if (final.verdict[s] === query.human && data.orm.verdict[s] === query.orm) out.push(s);
      return out;
    case 'pair': {
      const i = data.raters.indexOf(query.a);
      const j = data.raters.indexOf(query.b);
      if (i < 0 || j < 0) return out;
      for (let s = 0; s < S; s++) {
        const x = verdictOf(s, i);
        const y = verdictOf(s, j);
        if (x >= 0 && y >= 0 && x !== y) out.push(s);
      }
      return out;
    }
    case 'errorType': {
      const t = data.errorTypeNames.indexOf(query.errorType);
      if (t < 0) return out;
      for (let s = 0; s < S; s++) if (final.verdict[s] === 1 && final.errorType[s] === t) out.push(s);
      return out;
    }
    case 'transition':
      return transitionSolutions(data, final, query);
    case 'annotator': {
      const r = data.raters.indexOf(query.name);
      if (r < 0) return out;
      for (let s = 0; s < S; s++) if (verdictOf(s, r) !== -2) out.push(s);
      return out;
    }
    case 'qc': {
      const r = data.raters.indexOf(query.name);
      if (r < 0) return out;
      for (let s = 0; s < S; s++) {
        if (data.gold.qc[s] !== 1 || data.gold.badProblem[s] === 1 || (data.gold.verdict[s] as number) < 0) continue;
        const mine = verdictOf(s, r);
        if (mine >= 0 && mine !== data.gold.verdict[s]) out.push(s);
      }
      return out;
    }
  }
}

function transitionSolutions(data: AgreementData, final: FinalHuman, query: Extract<DrillDownCell, { cell: 'transition' }>): number[] {
  const correctIn = (round: number) => {
    const problems = new Map<number, boolean>();
    for (let s = 0; s < data.solutions.count; s++) {
      if (data.solutions.round[s] !== round || (final.verdict[s] as number) < 0) continue;
      const p = data.solutions.problemId[s] as number;
      problems.set(p, (problems.get(p) ?? false) || final.verdict[s] === 0);
    }
    return problems;
  };
  const before = correctIn(query.from);
  const after = correctIn(query.to);
  const wantBefore = query.transition.startsWith('correct');
  const wantAfter = query.transition.endsWith('ToCorrect');
  const out: number[] = [];
  for (let s = 0; s < data.solutions.count; s++) {
    const round = data.solutions.round[s] as number;
    if ((round !== query.from && round !== query.to) || (final.verdict[s] as number) < 0) continue;
    const p = data.solutions.problemId[s] as number;
    if (before.get(p) === wantBefore && after.get(p) === wantAfter) out.push(s);
  }
  return out;
}
