/**
 * The import benchmark (SPEC §9): `redline import` of generated native JSONL against a
 * hand-written better-sqlite3 loader of the same file, run in the same invocation. Reports the
 * throughput ratio redline/baseline per size and redline's peak-RSS growth across sizes (memory
 * should stay flat: the importer streams). Each run gets a fresh database; a run whose row counts
 * differ from the baseline's fails the benchmark rather than report figures of a broken import.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BaselineArgs } from './import-baseline';
import type { RedlineArgs, RedlineResult } from './import-redline';
import {
  fixed, generateNative, measureInChild, whole, withPostgresDatabase, withTempDir,
  type Benchmark, type BenchOptions, type BenchReport, type Measurement,
} from './measure';

/** Rows in the tables an import of gen-native.ts data fills. */
export interface RowCounts {
  problems: number;
  solutions: number;
  ormJudgments: number;
  images: number;
  problemImages: number;
}

/** What a loader child returns: its result, and the CPU time its process spent in the timed section. */
export interface LoaderResult<V> {
  /** User + system CPU seconds of the child during the load (not PostgreSQL's server). */
  cpuSeconds: number;
  value: V;
}

type Loader = 'baseline' | 'redline';
type Dialect = 'sqlite' | 'postgres';

export interface ImportRun {
  lines: number;
  loader: Loader;
  database: Dialect;
  wallSeconds: number;
  /** The loader process's CPU seconds: steadier than wall time on a busy machine. */
  cpuSeconds: number;
  linesPerSecond: number;
  peakRssMb: number;
  counts: RowCounts;
  /** This run's lines/s over the SQLite baseline's at the same size; null for the baseline and PostgreSQL. */
  throughputVsBaseline: number | null;
  /** The same ratio by CPU time (baseline CPU s / this run's CPU s); null where the other is. */
  cpuVsBaseline: number | null;
}

export interface RssGrowth {
  loader: Loader;
  database: Dialect;
  fromLines: number;
  toLines: number;
  fromMb: number;
  toMb: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const BASELINE = join(here, 'import-baseline.ts');
const REDLINE = join(here, 'import-redline.ts');
const COUNTED: [keyof RowCounts, string][] = [
  ['problems', 'problems'], ['solutions', 'solutions'], ['ormJudgments', 'orm_judgments'],
  ['images', 'images'], ['problemImages', 'problem_images'],
];

export const importBenchmark: Benchmark = {
  name: 'import',
  async run(options) {
    const runs: ImportRun[] = [];
    for (const lines of options.lines) runs.push(...(await benchSize(lines, options)));
    return report(runs);
  },
};

async function benchSize(lines: number, options: BenchOptions): Promise<ImportRun[]> {
  return withTempDir('redline-bench-import-', async (dir) => {
    const size = `${whole(lines)} lines`;
    options.log(`import: generating ${size}`);
    const file = await generateNative(dir, lines);

    options.log(`import: baseline loader, ${size}, SQLite`);
    const measured = await measureInChild<BaselineArgs, LoaderResult<RowCounts>>(BASELINE, { file, database: join(dir, 'baseline.db') });
    if (measured.result.value.solutions !== lines) {
      throw new Error(`the baseline stored ${measured.result.value.solutions} solutions for ${size}: its figures would mean nothing`);
    }
    const baseline = toRun(lines, 'baseline', 'sqlite', measured, measured.result.value);

    options.log(`import: redline, ${size}, SQLite`);
    const sqlite = await measureInChild<RedlineArgs, LoaderResult<RedlineResult>>(REDLINE, { file, url: `sqlite:${join(dir, 'redline.db')}` });
    const runs = [baseline, checked(lines, 'sqlite', sqlite, baseline)];
    if (options.postgres) {
      options.log(`import: redline, ${size}, PostgreSQL`);
      const postgres = await withPostgresDatabase((url) => measureInChild<RedlineArgs, LoaderResult<RedlineResult>>(REDLINE, { file, url }));
      runs.push(checked(lines, 'postgres', postgres, baseline));
    }
    return runs;
  });
}

/** Redline's figures, once its import is shown to have stored what the baseline stored. */
function checked(lines: number, database: Dialect, measured: Measurement<LoaderResult<RedlineResult>>, baseline: ImportRun): ImportRun {
  const result = measured.result.value;
  const wrong = COUNTED.filter(([key]) => result.counts[key] !== baseline.counts[key])
    .map(([key, table]) => `${table}: ${result.counts[key]} (baseline ${baseline.counts[key]})`);
  if (result.badCount > 0) wrong.unshift(`${result.badCount} lines reported bad`);
  if (result.lines !== lines) wrong.unshift(`${result.lines} lines read of ${lines}`);
  if (wrong.length > 0) {
    throw new Error(`redline import into ${database} (${whole(lines)} lines) does not match the baseline: ${wrong.join('; ')}`);
  }
  const run = toRun(lines, 'redline', database, measured, result.counts);
  if (database !== 'sqlite') return run;
  return { ...run, throughputVsBaseline: run.linesPerSecond / baseline.linesPerSecond, cpuVsBaseline: baseline.cpuSeconds / run.cpuSeconds };
}

function toRun(lines: number, loader: Loader, database: Dialect, m: Measurement<LoaderResult<unknown>>, counts: RowCounts): ImportRun {
  return {
    lines, loader, database, wallSeconds: m.wallSeconds, cpuSeconds: m.result.cpuSeconds, linesPerSecond: lines / m.wallSeconds,
    peakRssMb: m.peakRssMb, counts, throughputVsBaseline: null, cpuVsBaseline: null,
  };
}

/** Peak RSS at the smallest and the largest size, per loader and database. */
function rssGrowth(runs: ImportRun[]): RssGrowth[] {
  const series = new Map<string, ImportRun[]>();
  for (const run of runs) {
    const key = `${run.loader} ${run.database}`;
    series.set(key, [...(series.get(key) ?? []), run]);
  }
  return [...series.values()].filter((s) => s.length > 1).map((s) => {
    const sorted = [...s].sort((a, b) => a.lines - b.lines);
    const first = sorted[0] as ImportRun;
    const last = sorted[sorted.length - 1] as ImportRun;
    return { loader: first.loader, database: first.database, fromLines: first.lines, toLines: last.lines, fromMb: first.peakRssMb, toMb: last.peakRssMb };
  });
}

function report(runs: ImportRun[]): BenchReport {
  const growth = rssGrowth(runs);
  const ratios = runs.filter((r) => r.throughputVsBaseline !== null);
  const notes = [
    `redline/baseline throughput (SQLite): ${ratios.map((r) => `${whole(r.lines)} lines ${fixed(r.throughputVsBaseline ?? 0, 2)}×`).join(', ')}`,
    `the same by CPU time of the loading process: ${ratios.map((r) => `${whole(r.lines)} lines ${fixed(r.cpuVsBaseline ?? 0, 2)}×`).join(', ')}`,
    ...growth.map((g) => `peak RSS ${whole(g.fromLines)} → ${whole(g.toLines)} lines, ${g.loader} ${g.database}: `
      + `${fixed(g.fromMb, 1)} → ${fixed(g.toMb, 1)} MB (${g.toMb >= g.fromMb ? '+' : ''}${fixed(g.toMb - g.fromMb, 1)} MB, ${fixed(g.toMb / g.fromMb, 2)}×)`),
    ...(growth.length === 0 ? ['peak RSS growth needs two sizes (e.g. --lines 10000,100000)'] : []),
    `every redline run stored the baseline's row counts (${COUNTED.map(([, table]) => table).join(', ')})`,
  ];
  return {
    name: 'import',
    title: 'import: native JSONL → database (timed: the load only; peak RSS: the whole child process)',
    table: {
      headers: ['lines', 'loader', 'database', 'wall s', 'cpu s', 'lines/s', 'peak RSS MB', 'vs baseline', 'cpu vs baseline'],
      rows: runs.map((r) => [
        whole(r.lines), r.loader, r.database, fixed(r.wallSeconds, 2), fixed(r.cpuSeconds, 2), whole(r.linesPerSecond), fixed(r.peakRssMb, 1),
        r.throughputVsBaseline === null ? '—' : `${fixed(r.throughputVsBaseline, 2)}×`,
        r.cpuVsBaseline === null ? '—' : `${fixed(r.cpuVsBaseline, 2)}×`,
      ]),
    },
    notes,
    data: { runs, rssGrowth: growth },
  };
}
