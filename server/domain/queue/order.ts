import type { AssignmentStrategy } from '../../../shared/constants';
import { isSplit, type SubmittedLabel } from './disagreement';
import { randomKey } from './random-key';
import { uncertaintyKey, type OrmSignal } from './uncertainty';

/**
 * The order in which a project's solutions are offered (SPEC §8 `queue/next`; issue 4), one key
 * per strategy, ascending, ties always broken by solution id (= import order):
 * - `ordered`: the solution id.
 * - `random`: `randomKey(seed, id)` — pseudo-random, reproducible for a seed (random-key.ts).
 * - `orm-uncertain-first`: (`unclearRank`, `distance`) of uncertainty.ts — an unclear ORM step
 *   first, then the score nearest 0.5 (no score = 0.5).
 * - `disagreement-first`: solutions whose submitted labels split (disagreement.ts) first, then
 *   the rest; by id within each group. Only a split solution with a free slot can be offered, so
 *   this matters from overlap 3 up.
 * The queue offers the first solution in this order that the annotator may take; availability
 * (slots, own labels, skips) is the queue's business, not the order's. This module is the
 * reference: services/queue.ts computes the same keys in SQL and the tests compare the two.
 */
export interface QueueCandidate {
  id: number;
  orm: readonly OrmSignal[];
  submitted: readonly SubmittedLabel[];
}

type Key = readonly number[];

export function strategyKey(strategy: AssignmentStrategy, seed: number, candidate: QueueCandidate): Key {
  switch (strategy) {
    case 'ordered':
      return [candidate.id];
    case 'random':
      return [randomKey(seed, candidate.id), candidate.id];
    case 'orm-uncertain-first': {
      const { unclearRank, distance } = uncertaintyKey(candidate.orm);
      return [unclearRank, distance, candidate.id];
    }
    case 'disagreement-first':
      return [isSplit(candidate.submitted) ? 0 : 1, candidate.id];
  }
}

/** The candidates' ids in the strategy's order. */
export function queueOrder(strategy: AssignmentStrategy, seed: number, candidates: readonly QueueCandidate[]): number[] {
  const keyed = candidates.map((c) => ({ id: c.id, key: strategyKey(strategy, seed, c) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  return keyed.map((k) => k.id);
}

function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** `settings.seed` of a project: a finite number, else 0 (the default). */
export function projectSeed(settings: Readonly<Record<string, unknown>>): number {
  const seed = settings.seed;
  return typeof seed === 'number' && Number.isFinite(seed) ? seed : 0;
}
