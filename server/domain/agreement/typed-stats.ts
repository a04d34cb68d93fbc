import { buildAlphaTable, type AlphaMetric, type AlphaTable } from './krippendorff-alpha';
import { multisetTypes, pairableMultisetTypes, presentCount, unitOf, type RatingMatrix } from './rating-matrix';
import { countValues, presentValues, type Stat } from './types';

/**
 * A statistic over units reduced to unit TYPES: units whose contribution is the same (same
 * multiset of ratings, same pair of values…) share a type, and the statistic is a function of how
 * often each type occurs. `types[u]` is unit u's type (−1 = the unit does not count), and
 * `evaluate(weights)` computes the statistic from a weight (count) per type. With the types'
 * frequencies it gives the statistic itself (`evaluateAll`); with the frequencies in a bootstrap
 * resample it gives the resample's statistic without touching the units again (typed-bootstrap.ts).
 * Each constructor states which published statistic it is; `typed-stats.test.ts` checks every
 * one against the direct implementation in this folder.
 */
export interface TypedStat {
  types: Int32Array;
  typeCount: number;
  evaluate(weights: Float64Array): Stat;
}

/** The statistic on all units: weights = how many units have each type. */
export function evaluateAll(stat: TypedStat): Stat {
  const weights = new Float64Array(stat.typeCount);
  for (const t of stat.types) if (t >= 0) weights[t] = (weights[t] ?? 0) + 1;
  return stat.evaluate(weights);
}

/** Percent agreement (percent-agreement.ts) as a typed statistic. */
export function typedPercentAgreement(matrix: RatingMatrix): TypedStat {
  const { types, representatives } = pairableMultisetTypes(matrix);
  const share = representatives.map((u) => {
    const values = presentValues(unitOf(matrix, u));
    let agreeing = 0;
    for (const c of countValues(values).values()) agreeing += c * (c - 1);
    return agreeing / (values.length * (values.length - 1));
  });
  return {
    types,
    typeCount: representatives.length,
    evaluate(weights) {
      let sum = 0;
      let n = 0;
      weights.forEach((w, t) => {
        sum += w * (share[t] ?? 0);
        n += w;
      });
      return { value: n === 0 ? null : sum / n, n };
    },
  };
}

/** k of Fleiss' kappa: the most common number ≥ 2 of values per unit (ties → the larger); null if none. */
export function mostCommonRatingCount(matrix: RatingMatrix): number | null {
  const frequency = new Array<number>(matrix.raters + 1).fill(0);
  for (let u = 0; u < matrix.units; u++) {
    const m = presentCount(matrix, u);
    frequency[m] = (frequency[m] ?? 0) + 1;
  }
  let best: number | null = null;
  for (let m = 2; m <= matrix.raters; m++) if ((frequency[m] ?? 0) > 0 && (best === null || (frequency[m] ?? 0) >= (frequency[best] ?? 0))) best = m;
  return best;
}

/**
 * Fleiss' kappa (fleiss-kappa.ts) as a typed statistic over the units with exactly `raters`
 * values; `raters` (k) is chosen once on the full data, so a resample uses the same k.
 */
export function typedFleissKappa(matrix: RatingMatrix, raters: number | null): TypedStat {
  const { types, representatives } = multisetTypes(matrix, (m) => raters !== null && m === raters);
  const categories = new Map<number, number>();
  const rows = representatives.map((u) => {
    let pairs = 0;
    const counts: Array<[number, number]> = [];
    for (const [value, c] of countValues(presentValues(unitOf(matrix, u)))) {
      pairs += c * (c - 1);
      let j = categories.get(value);
      if (j === undefined) categories.set(value, (j = categories.size));
      counts.push([j, c]);
    }
    return { pairs, counts };
  });
  return {
    types,
    typeCount: representatives.length,
    evaluate(weights) {
      const k = raters ?? 0;
      const totals = new Float64Array(categories.size);
      let agreeingPairs = 0;
      let n = 0;
      weights.forEach((w, t) => {
        if (w === 0) return;
        const row = rows[t];
        if (!row) return;
        n += w;
        agreeingPairs += w * row.pairs;
        for (const [j, c] of row.counts) totals[j] = (totals[j] ?? 0) + w * c;
      });
      const ratings = n * k;
      let squares = 0;
      for (const total of totals) squares += total * total;
      if (n === 0 || squares === ratings * ratings) return { value: null, n };
      const pBar = agreeingPairs / (n * k * (k - 1));
      const pExpected = squares / (ratings * ratings);
      return { value: (pBar - pExpected) / (1 - pExpected), n };
    },
  };
}

/** Krippendorff's alpha (krippendorff-alpha.ts) as a typed statistic: one alpha-table row per type. */
export function typedKrippendorffAlpha(matrix: RatingMatrix, metric: AlphaMetric): TypedStat {
  const { types, representatives } = pairableMultisetTypes(matrix);
  const table = buildAlphaTable(representatives.map((u) => unitOf(matrix, u)), metric);
  return { types, typeCount: representatives.length, evaluate: (weights) => weightedAlpha(table, weights) };
}

/** alphaOfTable with a weight per row (a row drawn w times counts w times); `n` = Σ weights. */
export function weightedAlpha(table: AlphaTable, weights: Float64Array): Stat {
  let n = 0;
  let total = 0;
  let observed = 0;
  let expected: number;
  let noise = 0;
  if (table.metric === 'nominal') {
    const byCategory = new Float64Array(table.categories);
    for (let u = 0; u < table.units; u++) {
      const w = weights[u] ?? 0;
      if (w === 0) continue;
      n += w;
      total += w * (table.size[u] ?? 0);
      observed += w * (table.disagreement[u] ?? 0);
      const end = table.start[u + 1] ?? 0;
      for (let p = table.start[u] ?? 0; p < end; p++) {
        const c = table.categoryIndex[p] ?? 0;
        byCategory[c] = (byCategory[c] ?? 0) + w * (table.categoryCount[p] ?? 0);
      }
    }
    let squares = 0;
    for (const count of byCategory) squares += count * count;
    expected = total * total - squares;
  } else {
    let sum = 0;
    let sumOfSquares = 0;
    for (let u = 0; u < table.units; u++) {
      const w = weights[u] ?? 0;
      if (w === 0) continue;
      n += w;
      total += w * (table.size[u] ?? 0);
      observed += w * (table.disagreement[u] ?? 0);
      sum += w * (table.sum[u] ?? 0);
      sumOfSquares += w * (table.sumOfSquares[u] ?? 0);
    }
    expected = 2 * (total * sumOfSquares - sum * sum);
    noise = 1e-12 * 2 * total * sumOfSquares;
  }
  if (n === 0 || !(expected > noise)) return { value: null, n };
  return { value: 1 - ((total - 1) * observed) / expected, n };
}

/** Cohen's kappa (cohen-kappa.ts) of raters i and j of the matrix, over the units both rated. */
export function typedCohenKappa(matrix: RatingMatrix, i: number, j: number): TypedStat {
  const types = new Int32Array(matrix.units).fill(-1);
  const pairs: Array<[number, number]> = [];
  const index = new Map<number | string, number>();
  const small = (v: number) => Number.isInteger(v) && Math.abs(v) < 2 ** 24;
  for (let u = 0; u < matrix.units; u++) {
    const x = matrix.values[u * matrix.raters + i] as number;
    const y = matrix.values[u * matrix.raters + j] as number;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    const key = small(x) && small(y) ? (x + 2 ** 24) * 2 ** 26 + (y + 2 ** 24) : `${x},${y}`;
    let t = index.get(key);
    if (t === undefined) {
      t = pairs.length;
      index.set(key, t);
      pairs.push([x, y]);
    }
    types[u] = t;
  }
  return {
    types,
    typeCount: pairs.length,
    evaluate(weights) {
      const countsA = new Map<number, number>();
      const countsB = new Map<number, number>();
      let n = 0;
      let agree = 0;
      weights.forEach((w, t) => {
        if (w === 0) return;
        const [x, y] = pairs[t] as [number, number];
        n += w;
        if (x === y) agree += w;
        countsA.set(x, (countsA.get(x) ?? 0) + w);
        countsB.set(y, (countsB.get(y) ?? 0) + w);
      });
      let chance = 0;
      for (const [c, countA] of countsA) chance += countA * (countsB.get(c) ?? 0);
      const denominator = n * n - chance;
      if (n === 0 || denominator === 0) return { value: null, n };
      return { value: (n * agree - chance) / denominator, n };
    },
  };
}

/** The share of units where `a` equals `b`, over units where both are present (NaN = missing). */
export function typedMatchShare(a: ArrayLike<number>, b: ArrayLike<number>): TypedStat {
  const types = new Int32Array(a.length).fill(-1);
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (!Number.isNaN(x) && !Number.isNaN(y)) types[i] = x === y ? 1 : 0;
  }
  return {
    types,
    typeCount: 2,
    evaluate(weights) {
      const n = (weights[0] ?? 0) + (weights[1] ?? 0);
      return { value: n === 0 ? null : (weights[1] ?? 0) / n, n };
    },
  };
}
