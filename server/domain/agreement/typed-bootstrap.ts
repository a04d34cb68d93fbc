import { percentile, type BootstrapOptions } from './bootstrap';
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
 * type), while a group has at most `maxJointTypes` types, and each statistic reads its weights
 * off its group's counters. A report's verdict-level statistics (percent agreement, Fleiss, alpha,
 * every Cohen pair, agreement with gold…) share one group of a few hundred joint types. Units are
 * further reduced to one COMBINED type (the tuple of their groups' joint types): a draw bumps one
 * counter of that type, and the groups' counters are summed from those once per resample, so a
 * resample costs U draws + (combined types × groups) steps. Counts are integers, so the
 * statistics are exactly those of drawing the units one by one.
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
  const estimates: number[][] = stats.map(() => []);
  const G = groups.length;
  const offsets = new Int32Array(G + 1);
  groups.forEach((group, g) => (offsets[g + 1] = (offsets[g] as number) + group.jointCount));
  // Every group's joint type is a function of a unit's COMBINED type (the tuple over all groups),
  // so a draw bumps one counter (`drawn`, a few thousand to a few ten thousand slots, cache-sized)
  // and each group's counters are summed from it once per resample: O(U + combined × G).
  const { combined, combinedCount, slotOf } = combineGroups(unitCount, groups, offsets);
  const drawn = new Int32Array(combinedCount);
  const counter = new Int32Array(offsets[G] as number);
  const weights = stats.map((s) => new Float64Array(s.typeCount));
  // mulberry32 (prng.ts) inlined: the same sequence as mulberry32(seed)().
  let state = options.seed >>> 0;
  for (let s = 0; s < samples; s++) {
    drawn.fill(0);
    for (let i = 0; i < unitCount; i++) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const u = Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * unitCount);
      const k = combined[u] as number;
      drawn[k] = (drawn[k] as number) + 1;
    }
    counter.fill(0);
    for (let c = 0; c < combinedCount; c++) {
      const times = drawn[c] as number;
      if (times === 0) continue;
      const base = c * G;
      for (let g = 0; g < G; g++) {
        const k = slotOf[base + g] as number;
        counter[k] = (counter[k] as number) + times;
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

/**
 * Each unit's combined type: the dense number of its tuple of joint types over all groups, and
 * for each combined type its counter slot in every group (slotOf[c·G + g], offset into the shared
 * counter array).
 */
function combineGroups(unitCount: number, groups: readonly Group[], offsets: Int32Array) {
  const G = groups.length;
  const combined = new Int32Array(unitCount);
  let combinedCount = 1;
  for (const group of groups) {
    const span = group.jointCount;
    const space = combinedCount * span;
    const table = space <= 1 << 22 ? new Int32Array(space).fill(-1) : null;
    const ids = table === null ? new Map<number, number>() : null;
    let next = 0;
    for (let u = 0; u < unitCount; u++) {
      const key = (combined[u] as number) * span + (group.joint[u] as number);
      let c = table !== null ? (table[key] as number) : (ids?.get(key) ?? -1);
      if (c === -1) {
        c = next++;
        if (table !== null) table[key] = c;
        else ids?.set(key, c);
      }
      combined[u] = c;
    }
    combinedCount = next;
  }
  const slotOf = new Int32Array(combinedCount * G);
  for (let u = 0; u < unitCount; u++) {
    const base = (combined[u] as number) * G;
    for (let g = 0; g < G; g++) slotOf[base + g] = (offsets[g] as number) + ((groups[g] as Group).joint[u] as number);
  }
  return { combined, combinedCount, slotOf };
}
