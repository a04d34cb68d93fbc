/**
 * The `random` strategy's sort key: a deterministic pseudo-random number per (seed, solution
 * id), the same for every instance and annotator; another seed gives an unrelated order.
 *
 *   key = fmix32((id + offset(seed)) mod 2^32)        (murmur3's 32-bit finaliser)
 *
 * fmix32 is a bijection on 32-bit numbers, so two solutions never tie. It is written so that
 * SQL on both dialects computes the very same number (services/queue.ts):
 * - XOR, which SQLite and PostgreSQL spell differently, is written a ^ b = (a | b) − (a & b);
 * - a 32-bit product is taken in 16-bit halves, so no intermediate reaches 2^49: SQLite never
 *   spills into REAL and PostgreSQL's bigint never overflows.
 * The seed is mixed here, in JavaScript, into one integer offset; SQL sees only that.
 */
export const FMIX32_ROUNDS: readonly { shift: number; multiply: number }[] = [
  { shift: 16, multiply: 0x85eb_ca6b },
  { shift: 13, multiply: 0xc2b2_ae35 },
];
export const FMIX32_FINAL_SHIFT = 16;

/**
 * The offset for a project's seed: any finite number is a seed (its integer part, taken modulo
 * 2^32); anything else counts as 0. Mixed first, so that seeds 1 and 2 do not merely shift the
 * order by one id.
 */
export function randomKeyOffset(seed: number): number {
  const seed32 = Number.isFinite(seed) ? Math.trunc(seed) % 2 ** 32 >>> 0 : 0;
  return fmix32((seed32 ^ 0x9e37_79b9) >>> 0);
}

/** The key of one solution: an unsigned 32-bit integer. */
export function randomKey(seed: number, solutionId: number): number {
  return fmix32((solutionId + randomKeyOffset(seed)) % 2 ** 32);
}

function fmix32(value: number): number {
  let h = value >>> 0;
  for (const { shift, multiply } of FMIX32_ROUNDS) {
    h = (h ^ (h >>> shift)) >>> 0;
    h = Math.imul(h, multiply) >>> 0;
  }
  return (h ^ (h >>> FMIX32_FINAL_SHIFT)) >>> 0;
}
