import { percentile, type BootstrapOptions } from './bootstrap';
import { mulberry32 } from './prng';
import type { StatWithCi } from './types';
import { evaluateAll, type TypedStat } from './typed-stats';

/**
 * Many statistics over the SAME units (the solutions of a report), each with its 95% percentile
 * bootstrap interval, from ONE stream of resamples: resample s draws U units with replacement
 * (mulberry32 seeded with `seed`), and every statistic is evaluated on that resample. Resampling
 * whole solutions keeps the statistics of one resample consistent with each other (a cluster
 * bootstrap for units nested in solutions, e.g. steps). Interval rule as in bootstrap.ts:
 * undefined resamples dropped, type-7 2.5th/97.5th percentiles, null with fewer than two left.
 *
 * Cost: statistics are merged into groups by their joint unit type (the tuple of each statistic's
 * type), while a group has at most `maxJointTypes` types; each draw then bumps one counter per
 * group, and each statistic reads its weights off its group's counters. A report's verdict-level
 * statistics (percent agreement, Fleiss, alpha, every Cohen pair, agreement with gold…) share one
 * group of a few hundred joint types, so a resample costs about U × (number of groups) steps.
 */
export function bootstrapTypedStats(
  unitCount: number,
  stats: readonly TypedStat[],
  options: BootstrapOptions & { maxJointTypes?: number },
): StatWithCi[] {
  const points = stats.map(evaluateAll);
  const samples = options.samples ?? 1000;
  if (unitCount === 0 || samples === 0) return points.map((p) => ({ ...p, ci95: null }));
  const groups = groupStats(unitCount, stats, options.maxJointTypes ?? 4096);
  const random = mulberry32(options.seed);
  const estimates: number[][] = stats.map(() => []);
  // Flattened for the hot loop: unit u's counter slots are slots[u·G .. u·G + G), one per group,
  // already offset into one shared counter array.
  const G = groups.length;
  const offsets = new Int32Array(G + 1);
  groups.forEach((group, g) => (offsets[g + 1] = (offsets[g] as number) + group.jointCount));
  const slots = new Int32Array(unitCount * G);
  groups.forEach((group, g) => {
    for (let u = 0; u < unitCount; u++) slots[u * G + g] = (offsets[g] as number) + (group.joint[u] as number);
  });
  const counter = new Int32Array(offsets[G] as number);
  const weights = stats.map((s) => new Float64Array(s.typeCount));
  for (let s = 0; s < samples; s++) {
    counter.fill(0);
    for (let i = 0; i < unitCount; i++) {
      const base = Math.floor(random() * unitCount) * G;
      for (let g = 0; g < G; g++) {
        const k = slots[base + g] as number;
        counter[k] = (counter[k] as number) + 1;
      }
    }
    groups.forEach((group, g) => {
      const offset = offsets[g] as number;
      for (const [member, typeOfJoint] of group.members) {
        const w = weights[member] as Float64Array;
        w.fill(0);
        for (let j = 0; j < group.jointCount; j++) {
          const t = typeOfJoint[j] as number;
          if (t >= 0) w[t] = (w[t] as number) + (counter[offset + j] as number);
        }
        const value = (stats[member] as TypedStat).evaluate(w).value;
        if (value !== null && Number.isFinite(value)) (estimates[member] as number[]).push(value);
      }
    });
  }
  return points.map((point, i) => {
    const values = (estimates[i] as number[]).sort((x, y) => x - y);
    const ci95: [number, number] | null = values.length < 2 ? null : [percentile(values, 0.025), percentile(values, 0.975)];
    return { ...point, ci95 };
  });
}

interface Group {
  /** Joint type of each unit. */
  joint: Int32Array;
  jointCount: number;
  /** [statistic index, its type for each joint type]. */
  members: Array<[number, Int32Array]>;
}

function groupStats(unitCount: number, stats: readonly TypedStat[], maxJointTypes: number): Group[] {
  const groups: Group[] = [];
  let current: Group | null = null;
  stats.forEach((stat, index) => {
    if (current !== null) {
      const merged = mergeInto(current, stat, index, maxJointTypes);
      if (merged) {
        current = merged;
        groups[groups.length - 1] = merged;
        return;
      }
    }
    current = { joint: new Int32Array(unitCount), jointCount: 1, members: [] };
    current = mergeInto(current, stat, index, Infinity) as Group;
    groups.push(current);
  });
  return groups;
}

/**
 * The group with `stat` added, or null when the joint types would exceed the limit. Joint types
 * are renumbered densely through a lookup table over (old joint, stat type) when that space is
 * small, else through a Map.
 */
function mergeInto(group: Group, stat: TypedStat, index: number, limit: number): Group | null {
  const joint = new Int32Array(group.joint.length);
  const span = stat.typeCount + 1;
  const space = group.jointCount * span;
  const table = space <= 1 << 22 ? new Int32Array(space).fill(-1) : null;
  const ids = table === null ? new Map<number, number>() : null;
  const oldOf: number[] = [];
  const typeOf: number[] = [];
  for (let u = 0; u < joint.length; u++) {
    const t = stat.types[u] as number;
    const key = (group.joint[u] as number) * span + (t + 1);
    let j = table !== null ? (table[key] as number) : (ids?.get(key) ?? -1);
    if (j === -1) {
      j = oldOf.length;
      if (j >= limit) return null;
      if (table !== null) table[key] = j;
      else ids?.set(key, j);
      oldOf.push(group.joint[u] as number);
      typeOf.push(t);
    }
    joint[u] = j;
  }
  const members: Array<[number, Int32Array]> = group.members.map(([m, types]) => [m, Int32Array.from(oldOf, (o) => types[o] as number)]);
  members.push([index, Int32Array.from(typeOf)]);
  return { joint, jointCount: oldOf.length, members };
}
