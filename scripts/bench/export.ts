/**
 * The export benchmark (issue 5 outcome 7): `exportDataset` of N solutions — reflection/sharegpt
 * with images copied, orm/openai with images inlined — against a baseline in the same run that
 * reads the same rows with one plain query and writes the same records with JSON.stringify
 * (export-baseline.ts). Targets: ≥ 0.5× the baseline's records/s, peak RSS < 300 MB, and flat
 * from the smallest size to the largest. The database of each size is prepared once, untimed
 * (export-prepare.ts). A run that writes other than the records the data must yield fails the
 * benchmark rather than report figures of a broken export.
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXPORT_CASES, type ExportCaseName, type ExportChildArgs, type ExportChildResult } from './export-cases';
import type { PrepareArgs, PreparedCounts } from './export-prepare';
import {
  fixed, generateNative, measureInChild, whole, withTempDir,
  type Benchmark, type BenchOptions, type BenchReport, type Measurement,
} from './measure';

type Loader = 'baseline' | 'redline';

export interface ExportRun {
  lines: number;
  exportCase: ExportCaseName;
  loader: Loader;
  records: number;
  wallSeconds: number;
  cpuSeconds: number;
  recordsPerSecond: number;
  peakRssMb: number;
  /** Peak RSS up to the end of the timed section: the export without the line count after it. */
  exportPeakRssMb: number;
  images: number;
  recordBytes: number;
  /** Redline's records/s over the baseline's for the same size and case; null for the baseline. */
  throughputVsBaseline: number | null;
  /** The same ratio in records per CPU second: steadier when the machine is shared. */
  cpuThroughputVsBaseline: number | null;
}

const TARGET_RATIO = 0.5;
const TARGET_RSS_MB = 300;
/** "Flat": the largest size's peak RSS at most this much above the smallest size's. */
const FLAT_GROWTH = 0.15;

const here = dirname(fileURLToPath(import.meta.url));
const PREPARE = join(here, 'export-prepare.ts');
const BASELINE = join(here, 'export-baseline.ts');
const REDLINE = join(here, 'export-redline.ts');
const CASES = Object.keys(EXPORT_CASES) as ExportCaseName[];

export const exportBenchmark: Benchmark = {
  name: 'export',
  async run(options) {
    if (options.postgres) options.log('export: --postgres is not measured by this benchmark (SQLite only)');
    const runs: ExportRun[] = [];
    for (const lines of options.lines) runs.push(...(await benchSize(lines, options)));
    return report(runs);
  },
};

async function benchSize(lines: number, options: BenchOptions): Promise<ExportRun[]> {
  return withTempDir('redline-bench-export-', async (dir) => {
    const size = `${whole(lines)} solutions`;
    options.log(`export: preparing ${size} (generate, import, annotate; untimed)`);
    const started = performance.now();
    const file = await generateNative(dir, lines);
    const database = join(dir, 'bench.db');
    const prepared = (await measureInChild<PrepareArgs, PreparedCounts>(PREPARE, { file, database })).result;
    if (prepared.solutions !== lines || prepared.annotations !== lines) {
      throw new Error(`preparing ${size} stored ${prepared.solutions} solutions and ${prepared.annotations} annotations`);
    }
    options.log(`export: prepared ${size} in ${fixed((performance.now() - started) / 1000, 1)} s `
      + `(${whole(prepared.incorrect)} incorrect, ${whole(prepared.images)} images)`);

    const runs: ExportRun[] = [];
    for (const exportCase of CASES) {
      const expected = EXPORT_CASES[exportCase].kind === 'reflection' ? prepared.incorrect : lines;
      // Each loader writes into a folder of its own, removed only once both have run: deleting
      // thousands of image files just before a run made the next run's file creations several
      // times slower on this file system (openat ≈ 0.3 ms instead of ≈ 0.03 ms), a cost the
      // harness put on whichever loader ran second.
      const outDirs: string[] = [];
      const measure = async (loader: Loader): Promise<Measurement<ExportChildResult>> => {
        options.log(`export: ${loader}, ${size}, ${exportCase}`);
        const outDir = join(dir, `out-${exportCase.replace(/\W/g, '-')}-${loader}`);
        outDirs.push(outDir);
        const measured = await measureInChild<ExportChildArgs, ExportChildResult>(loader === 'redline' ? REDLINE : BASELINE, { database, outDir, exportCase });
        const { records, lines: written, solutions } = measured.result;
        if (records !== expected || written !== expected || solutions !== lines) {
          throw new Error(`${loader} export ${exportCase} of ${size} wrote ${records} records (${written} lines, ${solutions} solutions read); `
            + `expected ${expected} records from ${lines} solutions`);
        }
        return measured;
      };
      try {
        const baseline = toRun(lines, exportCase, 'baseline', await measure('baseline'), null);
        const redline = toRun(lines, exportCase, 'redline', await measure('redline'), baseline);
        runs.push(baseline, redline);
      } finally {
        for (const outDir of outDirs) rmSync(outDir, { recursive: true, force: true });
      }
    }
    return runs;
  });
}

function toRun(lines: number, exportCase: ExportCaseName, loader: Loader, m: Measurement<ExportChildResult>, baseline: ExportRun | null): ExportRun {
  const recordsPerSecond = m.result.records / m.wallSeconds;
  return {
    lines, exportCase, loader, records: m.result.records, wallSeconds: m.wallSeconds, cpuSeconds: m.cpuSeconds, recordsPerSecond, peakRssMb: m.peakRssMb,
    exportPeakRssMb: m.result.exportPeakRssMb,
    images: m.result.images, recordBytes: m.result.recordBytes,
    throughputVsBaseline: baseline === null ? null : recordsPerSecond / baseline.recordsPerSecond,
    cpuThroughputVsBaseline: baseline === null ? null : baseline.cpuSeconds / m.cpuSeconds,
  };
}

const met = (ok: boolean) => (ok ? 'met' : 'MISSED');

function report(runs: ExportRun[]): BenchReport {
  const notes: string[] = [];
  const redline = runs.filter((r) => r.loader === 'redline');
  const sizes = [...new Set(runs.map((r) => r.lines))];
  for (const exportCase of CASES) {
    const series = redline.filter((r) => r.exportCase === exportCase);
    const ratios = series.map((r) => `${whole(r.lines)} ${fixed(r.throughputVsBaseline ?? 0, 2)}×`).join(', ');
    const slowest = Math.min(...series.map((r) => r.throughputVsBaseline ?? 0));
    notes.push(`${exportCase}: throughput redline/baseline ${ratios} — target ≥ ${TARGET_RATIO}× ${met(slowest >= TARGET_RATIO)}`);
    const cpuRatios = series.map((r) => `${whole(r.lines)} ${fixed(r.cpuThroughputVsBaseline ?? 0, 2)}×`).join(', ');
    notes.push(`${exportCase}: records per CPU second redline/baseline ${cpuRatios} (the steadier figure on a shared machine)`);
    const peak = Math.max(...series.map((r) => r.peakRssMb));
    notes.push(`${exportCase}: redline peak RSS max ${fixed(peak, 1)} MB — target < ${TARGET_RSS_MB} MB ${met(peak < TARGET_RSS_MB)}`);
    for (const loader of ['redline', 'baseline'] as const) {
      const s = runs.filter((r) => r.exportCase === exportCase && r.loader === loader).sort((a, b) => a.lines - b.lines);
      const first = s[0];
      const last = s[s.length - 1];
      if (!first || !last || first === last) continue;
      const growth = last.peakRssMb / first.peakRssMb - 1;
      notes.push(`${exportCase}: peak RSS ${whole(first.lines)} → ${whole(last.lines)}, ${loader}: ${fixed(first.peakRssMb, 1)} → ${fixed(last.peakRssMb, 1)} MB `
        + `(${growth >= 0 ? '+' : ''}${fixed(last.peakRssMb - first.peakRssMb, 1)} MB, ${growth >= 0 ? '+' : ''}${fixed(growth * 100, 0)}%)`
        + (loader === 'redline' ? ` — target flat (≤ +${FLAT_GROWTH * 100}%) ${met(growth <= FLAT_GROWTH)}` : ''));
      const exportGrowth = last.exportPeakRssMb / first.exportPeakRssMb - 1;
      notes.push(`${exportCase}: peak RSS to the end of the export (before the line count), ${loader}: `
        + `${fixed(first.exportPeakRssMb, 1)} → ${fixed(last.exportPeakRssMb, 1)} MB (${exportGrowth >= 0 ? '+' : ''}${fixed(exportGrowth * 100, 0)}%)`);
    }
    for (const lines of sizes) {
      const b = runs.find((r) => r.lines === lines && r.exportCase === exportCase && r.loader === 'baseline');
      const r = runs.find((x) => x.lines === lines && x.exportCase === exportCase && x.loader === 'redline');
      if (!b || !r) continue;
      if (b.recordBytes !== r.recordBytes || b.images !== r.images) {
        notes.push(`${exportCase}, ${whole(lines)}: the baseline's output differs in size from redline's (records ${whole(b.recordBytes)} vs ${whole(r.recordBytes)} bytes, `
          + `images ${b.images} vs ${r.images}): its record shape has drifted from redline's`);
      }
    }
  }
  if (sizes.length < 2) notes.push('peak RSS growth needs two sizes (e.g. --lines 10000,100000)');
  const sameBytes = sizes.every((lines) => CASES.every((c) => {
    const pair = runs.filter((r) => r.lines === lines && r.exportCase === c);
    return pair.length === 2 && pair[0]?.recordBytes === pair[1]?.recordBytes && pair[0]?.images === pair[1]?.images;
  }));
  if (sameBytes) notes.push('baseline and redline wrote the same number of record bytes and image files in every run (same records)');
  notes.push('every run wrote the records the data must yield (reflection: the incorrect half; orm: every solution), checked by manifest and by line count');
  notes.push('baseline = one plain query + JSON.stringify into one file: no train/val split, no provenance.jsonl / manifest / dataset_info.json, '
    + 'no merge policy, no sha256 check of image bytes, no staging folder, no audit entry');
  return {
    name: 'export',
    title: 'export: database → dataset folder, SQLite (timed: the export only; peak RSS: the whole child process; export RSS: up to the end of the timed section)',
    table: {
      headers: ['solutions', 'case', 'loader', 'records', 'wall s', 'CPU s', 'records/s', 'peak RSS MB', 'export RSS MB', 'vs baseline', 'CPU vs baseline'],
      rows: runs.map((r) => [
        whole(r.lines), r.exportCase, r.loader, whole(r.records), fixed(r.wallSeconds, 2), fixed(r.cpuSeconds, 2), whole(r.recordsPerSecond), fixed(r.peakRssMb, 1),
        fixed(r.exportPeakRssMb, 1),
        r.throughputVsBaseline === null ? '—' : `${fixed(r.throughputVsBaseline, 2)}×`,
        r.cpuThroughputVsBaseline === null ? '—' : `${fixed(r.cpuThroughputVsBaseline, 2)}×`,
      ]),
    },
    notes,
    data: { runs, targets: { throughputVsBaseline: TARGET_RATIO, peakRssMb: TARGET_RSS_MB, flatGrowth: FLAT_GROWTH } },
  };
}
