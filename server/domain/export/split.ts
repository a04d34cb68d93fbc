import { hash } from 'node:crypto';

export type Split = 'train' | 'val';
export const SPLITS: readonly Split[] = ['train', 'val'];

/**
 * Train/val assignment BY PROBLEM (SPEC §5): a problem's side depends only on the seed and its
 * external id, so every solution of a problem lands on the same side by construction, whatever
 * order or page the solutions arrive in, and the same seed gives the same split on any machine.
 * The draw is the first 48 bits of sha256(`${seed}:${problemExternalId}`) scaled to [0, 1);
 * draw < valFraction → val. Raising the fraction only moves problems from train to val.
 */
export function assignSplit(seed: string, problemExternalId: string, valFraction: number): Split {
  return splitDraw(seed, problemExternalId) < valFraction ? 'val' : 'train';
}

/** A uniform number in [0, 1) fixed by the seed and the problem's external id. */
export function splitDraw(seed: string, problemExternalId: string): number {
  return hash('sha256', `${seed}:${problemExternalId}`, 'buffer').readUIntBE(0, 6) / 2 ** 48;
}

/**
 * assignSplit for one export: remembers the last problem, since an export meets each problem
 * once per solution and a problem's solutions mostly arrive one after another. One entry, not a
 * map of recent problems: a map kept across pages is promoted to V8's old generation and turned
 * over there, which grows the heap with the length of the export; a miss costs one short hash.
 */
export function splitter(seed: string, valFraction: number): (problemExternalId: string) => Split {
  let lastProblem: string | undefined;
  let lastSplit: Split = 'train';
  return (problemExternalId) => {
    if (problemExternalId !== lastProblem) {
      lastSplit = assignSplit(seed, problemExternalId, valFraction);
      lastProblem = problemExternalId;
    }
    return lastSplit;
  };
}
