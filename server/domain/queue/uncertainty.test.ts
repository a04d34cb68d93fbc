import { describe, expect, it } from 'vitest';
import { uncertaintyKey, type OrmSignal } from './uncertainty';

const j = (score: number | null, stepUnclear = false): OrmSignal => ({ score, stepUnclear });

// [judgments, unclearRank, distance]
const cases: Array<[string, OrmSignal[], 0 | 1, number]> = [
  ['no judgment at all: as unsure as a coin toss', [], 1, 0],
  ['a judgment without a score', [j(null)], 1, 0],
  ['a coin toss', [j(0.5)], 1, 0],
  ['confident either way', [j(0.95)], 1, Math.abs(0.95 - 0.5)],
  ['confident it is wrong', [j(0.1)], 1, Math.abs(0.1 - 0.5)],
  ['the least sure of several ORMs counts', [j(0.9), j(0.45), j(0.1)], 1, Math.abs(0.45 - 0.5)],
  ['a scoreless ORM next to a scored one: the score counts', [j(null), j(0.9)], 1, Math.abs(0.9 - 0.5)],
  ['an unclear step comes first, whatever the score', [j(0.99, true)], 0, Math.abs(0.99 - 0.5)],
  ['one unclear judgment among clear ones is enough', [j(0.7), j(null, true)], 0, Math.abs(0.7 - 0.5)],
];

describe('uncertaintyKey', () => {
  it.each(cases)('%s', (_name, judgments, unclearRank, distance) => {
    expect(uncertaintyKey(judgments)).toEqual({ unclearRank, distance });
  });
});
