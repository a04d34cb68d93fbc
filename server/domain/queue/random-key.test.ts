import { describe, expect, it } from 'vitest';
import { FMIX32_FINAL_SHIFT, FMIX32_ROUNDS, randomKey, randomKeyOffset } from './random-key';

/**
 * The key exactly as services/queue.ts writes it in SQL: 64-bit integers, XOR as
 * (a | b) − (a & b), products in 16-bit halves — and no intermediate may reach 2^63.
 */
function keyAsSqlComputesIt(seed: number, id: number): number {
  const checked = (v: bigint) => {
    expect(v >= 0n && v < 2n ** 62n).toBe(true);
    return v;
  };
  const xor = (a: bigint, b: bigint) => checked((a | b) - (a & b));
  const mul32 = (h: bigint, c: bigint) =>
    checked(((checked(checked((h >> 16n) * c) & 65535n) << 16n) + checked((h & 65535n) * c)) & 0xffff_ffffn);
  let h = checked(BigInt(id) + BigInt(randomKeyOffset(seed))) & 0xffff_ffffn;
  for (const { shift, multiply } of FMIX32_ROUNDS) h = mul32(xor(h, h >> BigInt(shift)), BigInt(multiply));
  return Number(xor(h, h >> BigInt(FMIX32_FINAL_SHIFT)));
}

/** Spearman's rank correlation of two orders of the same ids. */
function rankCorrelation(a: number[], b: number[]): number {
  const rankInB = new Map(b.map((id, i) => [id, i]));
  const n = a.length;
  const d2 = a.reduce((sum, id, i) => sum + (i - rankInB.get(id)!) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

function pearson(x: number[], y: number[]): number {
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(x);
  const my = mean(y);
  let xy = 0;
  let xx = 0;
  let yy = 0;
  x.forEach((xi, i) => {
    xy += (xi - mx) * (y[i]! - my);
    xx += (xi - mx) ** 2;
    yy += (y[i]! - my) ** 2;
  });
  return xy / Math.sqrt(xx * yy);
}

const ids = Array.from({ length: 4000 }, (_, i) => i + 1);
const orderFor = (seed: number) => [...ids].sort((x, y) => randomKey(seed, x) - randomKey(seed, y));

describe('randomKey', () => {
  it.each([
    [0, 1], [0, 2_147_483_647], [1, 1], [42, 99_999], [-7, 12], [2 ** 40 + 3, 5], [123_456_789, 2_000_000_000],
  ])('seed %d, id %d: JavaScript and the SQL arithmetic agree', (seed, id) => {
    expect(randomKey(seed, id)).toBe(keyAsSqlComputesIt(seed, id));
  });

  it('agrees with the SQL arithmetic on many ids, within 32 bits', () => {
    for (let id = 1; id <= 20_000; id += 7) {
      const key = randomKey(31_337, id);
      expect(key).toBe(keyAsSqlComputesIt(31_337, id));
      expect(key >= 0 && key < 2 ** 32).toBe(true);
    }
  });

  it('never ties: fmix32 is a bijection', () => {
    expect(new Set(Array.from({ length: 100_000 }, (_, i) => randomKey(9, i + 1))).size).toBe(100_000);
  });

  it('is reproducible for a seed and unrelated to import order', () => {
    expect(orderFor(5)).toEqual(orderFor(5));
    const order = orderFor(5);
    expect(Math.abs(rankCorrelation(ids, order))).toBeLessThan(0.06);
    // Neighbouring ids do not stay neighbours, and neighbours' keys are unrelated.
    expect(order.slice(1).filter((id, i) => Math.abs(id - order[i]!) === 1).length).toBeLessThan(10);
    const rank = new Map(order.map((id, i) => [id, i]));
    const ranks = ids.map((id) => rank.get(id)!);
    expect(Math.abs(pearson(ranks.slice(1), ranks.slice(0, -1)))).toBeLessThan(0.06);
  });

  it('gives another seed an unrelated order', () => {
    for (const [a, b] of [[0, 1], [1, 2], [5, 6], [10, 11], [100, 101], [0, 2 ** 31]] as const) {
      expect(Math.abs(rankCorrelation(orderFor(a), orderFor(b)))).toBeLessThan(0.06);
    }
  });
});

describe('randomKeyOffset', () => {
  it('reads any finite seed by its integer part modulo 2^32, anything else as 0', () => {
    expect(randomKeyOffset(Number.NaN)).toBe(randomKeyOffset(0));
    expect(randomKeyOffset(Number.POSITIVE_INFINITY)).toBe(randomKeyOffset(0));
    expect(randomKeyOffset(7.9)).toBe(randomKeyOffset(7));
    expect(randomKeyOffset(-1)).toBe(randomKeyOffset(2 ** 32 - 1));
    expect(randomKeyOffset(2 ** 32 + 3)).toBe(randomKeyOffset(3));
    expect(randomKeyOffset(1)).not.toBe(randomKeyOffset(2));
  });

  it('is an unsigned 32-bit integer', () => {
    for (const seed of [0, 1, -5, 2 ** 31, 2 ** 32 - 1]) {
      const offset = randomKeyOffset(seed);
      expect(Number.isInteger(offset) && offset >= 0 && offset < 2 ** 32).toBe(true);
    }
  });
});
