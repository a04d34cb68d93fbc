import { buildAlphaTable, type AlphaMetric, type AlphaTable } from './krippendorff-alpha';
import { presentCount, unitOf, type RatingMatrix } from './rating-matrix';
import type { Unit } from './types';
import { weightedAlpha, type TypedStat } from './typed-stats';

/**
 * Krippendorff's alpha over clusters of units (e.g. the steps of one solution): each cluster is its
 * own type, and a resample draws whole clusters. Alpha's sums are sums over units, so a cluster's
 * units fold into one table row (their sizes, disagreements, category counts or value sums added).
 * `n` counts the pairable units, not clusters.
 */
export function typedClusteredAlpha(matrix: RatingMatrix, clusterOf: Int32Array, clusters: number, metric: AlphaMetric): TypedStat {
  if (metric === 'nominal') return clusteredNominalAlpha(matrix, clusterOf, clusters);
  // Interval: each pairable unit's m, Σv, Σv² and D_u = 2(m Σv² − (Σv)²)/(m − 1), values shifted
  // by the first value seen (alpha is shift-invariant), summed per cluster — no per-unit arrays.
  const types = new Int32Array(clusters).fill(-1);
  const size: number[] = [];
  const disagreement: number[] = [];
  const sums: number[] = [];
  const squares: number[] = [];
  const unitsPerCluster: number[] = [];
  let origin = NaN;
  for (let u = 0; u < matrix.units; u++) {
    let m = 0;
    let sum = 0;
    let sumOfSquares = 0;
    for (let r = 0; r < matrix.raters; r++) {
      const v = matrix.values[u * matrix.raters + r] as number;
      if (Number.isNaN(v)) continue;
      if (Number.isNaN(origin)) origin = v;
      m += 1;
      sum += v - origin;
      sumOfSquares += (v - origin) ** 2;
    }
    if (m < 2) continue;
    const c = clusterOf[u] as number;
    let t = types[c] as number;
    if (t === -1) {
      t = size.length;
      types[c] = t;
      size.push(0);
      disagreement.push(0);
      sums.push(0);
      squares.push(0);
      unitsPerCluster.push(0);
    }
    size[t] = (size[t] as number) + m;
    disagreement[t] = (disagreement[t] as number) + (2 * (m * sumOfSquares - sum * sum)) / (m - 1);
    sums[t] = (sums[t] as number) + sum;
    squares[t] = (squares[t] as number) + sumOfSquares;
    unitsPerCluster[t] = (unitsPerCluster[t] as number) + 1;
  }
  const table: AlphaTable = {
    metric: 'interval',
    units: size.length,
    size: Float64Array.from(size),
    disagreement: Float64Array.from(disagreement),
    categories: 0,
    start: new Uint32Array(0),
    categoryIndex: new Uint32Array(0),
    categoryCount: new Float64Array(0),
    sum: Float64Array.from(sums),
    sumOfSquares: Float64Array.from(squares),
  };
  return clusteredStat(types, table, unitsPerCluster);
}

function clusteredStat(types: Int32Array, table: AlphaTable, unitsPerCluster: readonly number[]): TypedStat {
  return {
    types,
    typeCount: table.units,
    evaluate(weights) {
      const { value } = weightedAlpha(table, weights);
      let n = 0;
      for (let c = 0; c < table.units; c++) n += (weights[c] ?? 0) * (unitsPerCluster[c] ?? 0);
      return { value, n };
    },
  };
}

function clusteredNominalAlpha(matrix: RatingMatrix, clusterOf: Int32Array, clusters: number): TypedStat {
  const types = new Int32Array(clusters).fill(-1);
  const pairable: Unit<number>[] = [];
  const clusterOfRow: number[] = [];
  let typeCount = 0;
  for (let u = 0; u < matrix.units; u++) {
    if (presentCount(matrix, u) < 2) continue;
    const c = clusterOf[u] as number;
    if (types[c] === -1) types[c] = typeCount++;
    pairable.push(unitOf(matrix, u));
    clusterOfRow.push(types[c] as number);
  }
  const unitsPerCluster = new Array<number>(typeCount).fill(0);
  for (const c of clusterOfRow) unitsPerCluster[c] = (unitsPerCluster[c] ?? 0) + 1;
  return clusteredStat(types, foldRows(buildAlphaTable(pairable, 'nominal'), clusterOfRow, typeCount), unitsPerCluster);
}

/** The table with rows summed by group (`groupOfRow[r]` in 0..groups−1). */
function foldRows(table: AlphaTable, groupOfRow: readonly number[], groups: number): AlphaTable {
  const size = new Float64Array(groups);
  const disagreement = new Float64Array(groups);
  const sum = new Float64Array(table.metric === 'interval' ? groups : 0);
  const sumOfSquares = new Float64Array(table.metric === 'interval' ? groups : 0);
  const counts: Array<Map<number, number>> = table.metric === 'nominal' ? Array.from({ length: groups }, () => new Map()) : [];
  for (let r = 0; r < table.units; r++) {
    const g = groupOfRow[r] ?? 0;
    size[g] = (size[g] ?? 0) + (table.size[r] ?? 0);
    disagreement[g] = (disagreement[g] ?? 0) + (table.disagreement[r] ?? 0);
    if (table.metric === 'interval') {
      sum[g] = (sum[g] ?? 0) + (table.sum[r] ?? 0);
      sumOfSquares[g] = (sumOfSquares[g] ?? 0) + (table.sumOfSquares[r] ?? 0);
      continue;
    }
    const byCategory = counts[g] as Map<number, number>;
    for (let p = table.start[r] ?? 0; p < (table.start[r + 1] ?? 0); p++) {
      const c = table.categoryIndex[p] ?? 0;
      byCategory.set(c, (byCategory.get(c) ?? 0) + (table.categoryCount[p] ?? 0));
    }
  }
  const start = new Uint32Array(table.metric === 'nominal' ? groups + 1 : 0);
  const categoryIndex: number[] = [];
  const categoryCount: number[] = [];
  counts.forEach((byCategory, g) => {
    for (const [c, n] of byCategory) {
      categoryIndex.push(c);
      categoryCount.push(n);
    }
    start[g + 1] = categoryIndex.length;
  });
  return {
    ...table,
    units: groups,
    size,
    disagreement,
    start,
    categoryIndex: Uint32Array.from(categoryIndex),
    categoryCount: Float64Array.from(categoryCount),
    sum,
    sumOfSquares,
  };
}
