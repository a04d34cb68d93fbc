import { countValues, presentValues, type Rating, type Stat, type Unit } from './types';

/** Difference functions of Krippendorff (2011): nominal (same or not) and interval (squared). */
export type AlphaMetric = 'nominal' | 'interval';

/**
 * Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"), any
 * number of raters, missing values allowed. Units with fewer than two values are not pairable and
 * are dropped; `n` counts the units kept.
 *
 * Coincidence-matrix form: each kept unit u with m_u values, n_uc of them equal to c, adds
 *   o_ck += n_uc n_uk / (m_u − 1)  (c ≠ k),   o_cc += n_uc (n_uc − 1) / (m_u − 1);
 * with n_c = Σ_k o_ck and n.. = Σ_c n_c,
 *   α = 1 − D_o / D_e = 1 − (n.. − 1) · Σ_{c,k} o_ck δ²_ck / Σ_{c,k} n_c n_k δ²_ck,
 * δ²_ck = [c ≠ k] (nominal) or (c − k)² (interval).
 *
 * Computed per unit, which is the same sum regrouped: Σ_{c,k} o_ck δ²_ck = Σ_u D_u with
 * D_u = Σ_{i≠j} δ²(v_ui, v_uj) / (m_u − 1) over the unit's ordered value pairs, and n_c = Σ_u n_uc
 * (the matrix's row for c sums to the count of c among pairable values). So units reduce to an
 * `AlphaTable` once, and each bootstrap resample only sums rows of it.
 * `null` when no unit is pairable or D_e = 0 (every pairable value the same: no variation).
 */
export function krippendorffAlpha(units: readonly Unit<Rating>[], metric: 'nominal'): Stat;
export function krippendorffAlpha(units: readonly Unit<number>[], metric: AlphaMetric): Stat;
export function krippendorffAlpha(units: readonly Unit<Rating>[], metric: AlphaMetric): Stat {
  return alphaOfTable(buildAlphaTable(units, metric));
}

/** The pairable units reduced to what alpha needs, one row per unit (struct of arrays). */
export interface AlphaTable {
  metric: AlphaMetric;
  units: number;
  /** m_u ≥ 2. */
  size: Float64Array;
  /** D_u = Σ_{i≠j} δ²(v_i, v_j) / (m_u − 1). */
  disagreement: Float64Array;
  /** Nominal: unit u's counts n_uc are categoryCount[start[u] .. start[u + 1]) of categoryIndex. */
  categories: number;
  start: Uint32Array;
  categoryIndex: Uint32Array;
  categoryCount: Float64Array;
  /** Interval: Σ v and Σ v² per unit, v shifted by the first value (α is shift-invariant). */
  sum: Float64Array;
  sumOfSquares: Float64Array;
}

export function buildAlphaTable(units: readonly Unit<Rating>[], metric: AlphaMetric): AlphaTable {
  const pairable = units.map(presentValues).filter((values) => values.length >= 2);
  const count = pairable.length;
  const size = new Float64Array(count);
  const disagreement = new Float64Array(count);
  const start = new Uint32Array(metric === 'nominal' ? count + 1 : 0);
  const categoryIndex: number[] = [];
  const categoryCount: number[] = [];
  const sums = new Float64Array(metric === 'interval' ? count : 0);
  const squares = new Float64Array(metric === 'interval' ? count : 0);
  const index = new Map<Rating, number>(); // nominal category → index
  let origin: number | null = null; // interval: shifting every value keeps α, reduces cancellation

  pairable.forEach((values, u) => {
    const m = values.length;
    size[u] = m;
    if (metric === 'nominal') {
      let sameOrdered = 0; // Σ_c n_uc²
      for (const [value, n] of countValues(values)) {
        let i = index.get(value);
        if (i === undefined) index.set(value, (i = index.size));
        categoryIndex.push(i);
        categoryCount.push(n);
        sameOrdered += n * n;
      }
      start[u + 1] = categoryIndex.length;
      disagreement[u] = (m * m - sameOrdered) / (m - 1); // ordered pairs with different values
      return;
    }
    let sum = 0;
    let sumOfSquares = 0;
    for (const raw of values) {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) {
        throw new Error(`krippendorffAlpha: interval metric needs finite numbers, got ${String(raw)}`);
      }
      origin ??= raw;
      sum += raw - origin;
      sumOfSquares += (raw - origin) ** 2;
    }
    sums[u] = sum;
    squares[u] = sumOfSquares;
    disagreement[u] = (2 * (m * sumOfSquares - sum * sum)) / (m - 1); // Σ_{i≠j} (v_i − v_j)²
  });

  return {
    metric,
    units: count,
    size,
    disagreement,
    categories: index.size,
    start,
    categoryIndex: Uint32Array.from(categoryIndex),
    categoryCount: Float64Array.from(categoryCount),
    sum: sums,
    sumOfSquares: squares,
  };
}

/**
 * Alpha over rows of a table: all of them, or the given row indices (repeats allowed — a
 * bootstrap resample). `n` is the number of rows used.
 */
export function alphaOfTable(table: AlphaTable, rows?: Uint32Array): Stat {
  const n = rows ? rows.length : table.units;
  const row = (r: number): number => (rows ? (rows[r] ?? 0) : r);
  let total = 0; // n..
  let observed = 0; // Σ_u D_u = Σ o_ck δ²_ck
  let expected: number; // Σ_{c,k} n_c n_k δ²_ck
  let noise = 0; // below this, expected disagreement is rounding error: no variation
  if (table.metric === 'nominal') {
    const byCategory = new Float64Array(table.categories); // n_c
    for (let r = 0; r < n; r++) {
      const u = row(r);
      total += table.size[u] ?? 0;
      observed += table.disagreement[u] ?? 0;
      const end = table.start[u + 1] ?? 0;
      for (let p = table.start[u] ?? 0; p < end; p++) {
        const c = table.categoryIndex[p] ?? 0;
        byCategory[c] = (byCategory[c] ?? 0) + (table.categoryCount[p] ?? 0);
      }
    }
    let squares = 0;
    for (const count of byCategory) squares += count * count;
    expected = total * total - squares; // n..² − Σ_c n_c²
  } else {
    let sum = 0;
    let sumOfSquares = 0;
    for (let r = 0; r < n; r++) {
      const u = row(r);
      total += table.size[u] ?? 0;
      observed += table.disagreement[u] ?? 0;
      sum += table.sum[u] ?? 0;
      sumOfSquares += table.sumOfSquares[u] ?? 0;
    }
    expected = 2 * (total * sumOfSquares - sum * sum); // Σ_{c,k} n_c n_k (c − k)²
    noise = 1e-12 * 2 * total * sumOfSquares;
  }
  if (n === 0 || !(expected > noise)) return { value: null, n };
  return { value: 1 - ((total - 1) * observed) / expected, n };
}
