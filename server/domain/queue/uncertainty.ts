/** What the `orm-uncertain-first` strategy reads from one ORM judgment of a solution. */
export interface OrmSignal {
  /** 0..1, higher = more confident the solution is correct; null when the ORM gave none. */
  score: number | null;
  /** The ORM named an error step Redline could not resolve (SPEC §3.3). */
  stepUnclear: boolean;
}

/**
 * The `orm-uncertain-first` key, ascending (then solution id):
 * 1. `unclearRank`: 0 when any of the solution's ORM judgments has an unclear step, else 1;
 * 2. `distance`: the smallest |score − 0.5| over its judgments that carry a score — how close
 *    the least sure ORM came to a coin toss; a solution with no score at all (no judgment, or
 *    none with a score) counts as 0: nothing says it is easy.
 * Doubles throughout, so JavaScript, SQLite and PostgreSQL order identically.
 */
export interface UncertaintyKey {
  unclearRank: 0 | 1;
  distance: number;
}

export function uncertaintyKey(judgments: readonly OrmSignal[]): UncertaintyKey {
  const scored = judgments.filter((j) => j.score !== null).map((j) => Math.abs((j.score as number) - 0.5));
  return {
    unclearRank: judgments.some((j) => j.stepUnclear) ? 0 : 1,
    distance: scored.length === 0 ? 0 : Math.min(...scored),
  };
}
