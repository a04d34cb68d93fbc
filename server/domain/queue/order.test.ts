import { describe, expect, it } from 'vitest';
import type { QueueCandidate } from './order';
import { projectSeed, queueOrder } from './order';
import { randomKey } from './random-key';

const candidate = (id: number, more: Partial<QueueCandidate> = {}): QueueCandidate => ({ id, orm: [], submitted: [], ...more });

describe('queueOrder', () => {
  const ids = [5, 3, 9, 1, 7];

  it('ordered: by id, that is import order', () => {
    expect(queueOrder('ordered', 0, ids.map((id) => candidate(id)))).toEqual([1, 3, 5, 7, 9]);
  });

  it('random: by the seeded key, the same for the same seed', () => {
    const order = queueOrder('random', 4, ids.map((id) => candidate(id)));
    expect(order).toEqual([...ids].sort((a, b) => randomKey(4, a) - randomKey(4, b)));
    expect(queueOrder('random', 4, [...ids].reverse().map((id) => candidate(id)))).toEqual(order);
  });

  it('orm-uncertain-first: unclear step, then nearest 0.5 (no score = 0.5), then id', () => {
    const candidates = [
      candidate(1, { orm: [{ score: 0.9, stepUnclear: false }] }),
      candidate(2, { orm: [{ score: 0.2, stepUnclear: true }] }),
      candidate(3, { orm: [{ score: 0.6, stepUnclear: false }] }),
      candidate(4, { orm: [] }),
      candidate(5, { orm: [{ score: 0.35, stepUnclear: false }] }),
      candidate(6, { orm: [{ score: 0.5, stepUnclear: false }] }),
    ];
    expect(queueOrder('orm-uncertain-first', 0, candidates)).toEqual([2, 4, 6, 3, 5, 1]);
  });

  it('disagreement-first: split solutions first, each group by id', () => {
    const split = [{ verdict: 'correct', firstErrorStep: null }, { verdict: 'incorrect', firstErrorStep: 0 }] as const;
    const agreed = [{ verdict: 'correct', firstErrorStep: null }, { verdict: 'correct', firstErrorStep: null }] as const;
    const candidates = [candidate(1), candidate(2, { submitted: agreed }), candidate(3, { submitted: split }), candidate(4), candidate(5, { submitted: split })];
    expect(queueOrder('disagreement-first', 0, candidates)).toEqual([3, 5, 1, 2, 4]);
  });
});

describe('projectSeed', () => {
  it.each([
    [{}, 0],
    [{ seed: 17 }, 17],
    [{ seed: '17' }, 0],
    [{ seed: Number.NaN }, 0],
  ])('%j → %d', (settings, seed) => expect(projectSeed(settings)).toBe(seed));
});
