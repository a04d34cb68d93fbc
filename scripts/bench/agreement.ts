/**
 * The agreement benchmark (issue 6, outcome 4): the full agreement report over 1,000,000
 * submitted annotations (200,000 solutions × 5 annotators, step ratings on every 5th solution,
 * SQLite), without and with the bootstrap (1000 resamples). Targets: ≤ 3 s without bootstrap,
 * ≤ 15 s with it, peak RSS < 500 MB. The baseline in the same run is one plain SELECT of the same
 * annotation rows and columns (agreement-redline.ts), so the ratio says how much the report costs
 * over merely reading its input. `--lines` does not apply (the size is the issue's); set
 * REDLINE_BENCH_AGREEMENT_SOLUTIONS to measure another size. A report that read other than
 * every annotation, or computed no alpha, fails the benchmark.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AgreementPrepareArgs, AgreementPrepared } from './agreement-prepare';
import type { AgreementChildArgs, AgreementChildResult } from './agreement-redline';
import { fixed, measureInChild, whole, withTempDir, type Benchmark, type BenchReport, type Measurement } from './measure';

const here = dirname(fileURLToPath(import.meta.url));
const PREPARE = join(here, 'agreement-prepare.ts');
const CHILD = join(here, 'agreement-redline.ts');
const PROJECT = 'bench-agreement';
const DEFAULT_SOLUTIONS = 200_000;
const TARGET_SECONDS = { report: 3, 'report+bootstrap': 15 } as const;
const TARGET_RSS_MB = 500;
const MODES = ['baseline', 'report', 'report+bootstrap'] as const;

interface AgreementRun {
  mode: (typeof MODES)[number];
  rows: number;
  wallSeconds: number;
  cpuSeconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  /** Wall time over the baseline's; null for the baseline. */
  timeVsBaseline: number | null;
  cpuVsBaseline: number | null;
  targetSeconds: number | null;
  meetsTarget: boolean | null;
}

export const agreementBenchmark: Benchmark = {
  name: 'agreement',
  async run(options) {
    if (options.postgres) options.log('agreement: --postgres is not measured by this benchmark (SQLite only)');
    const solutions = Number(process.env.REDLINE_BENCH_AGREEMENT_SOLUTIONS ?? DEFAULT_SOLUTIONS);
    return withTempDir('redline-bench-agreement-', async (dir) => {
      const database = join(dir, 'bench.db');
      options.log(`agreement: preparing ${whole(solutions)} solutions × 5 annotators (untimed)`);
      const started = performance.now();
      const prepared = (await measureInChild<AgreementPrepareArgs, AgreementPrepared>(PREPARE, { database, solutions })).result;
      options.log(`agreement: prepared ${whole(prepared.annotations)} annotations in ${fixed((performance.now() - started) / 1000, 1)} s`);
      const measured = new Map<string, Measurement<AgreementChildResult>>();
      for (const mode of MODES) {
        options.log(`agreement: ${mode}`);
        const m = await measureInChild<AgreementChildArgs, AgreementChildResult>(CHILD, { database, project: PROJECT, mode });
        if (m.result.rows !== prepared.annotations) throw new Error(`${mode} read ${m.result.rows} of ${prepared.annotations} annotations`);
        if (mode !== 'baseline' && m.result.alpha === null) throw new Error(`${mode} computed no alpha`);
        if (mode === 'report+bootstrap' && m.result.alphaCi === null) throw new Error('the bootstrap gave no interval');
        measured.set(mode, m);
      }
      const baseline = measured.get('baseline')?.wallSeconds ?? NaN;
      const baselineCpu = measured.get('baseline')?.result.cpuSeconds ?? NaN;
      const runs: AgreementRun[] = MODES.map((mode) => {
        const m = measured.get(mode) as Measurement<AgreementChildResult>;
        const target = mode === 'baseline' ? null : TARGET_SECONDS[mode];
        return {
          mode,
          rows: m.result.rows,
          wallSeconds: m.wallSeconds,
          cpuSeconds: m.result.cpuSeconds,
          rowsPerSecond: m.result.rows / m.wallSeconds,
          peakRssMb: m.peakRssMb,
          timeVsBaseline: mode === 'baseline' ? null : m.wallSeconds / baseline,
          cpuVsBaseline: mode === 'baseline' ? null : m.result.cpuSeconds / baselineCpu,
          targetSeconds: target,
          meetsTarget: target === null ? null : m.wallSeconds <= target && m.peakRssMb < TARGET_RSS_MB,
        };
      });
      return report(runs, prepared, measured.get('report+bootstrap')?.result ?? null);
    });
  },
};

function report(runs: AgreementRun[], prepared: AgreementPrepared, boot: AgreementChildResult | null): BenchReport {
  const rows = runs.map((r) => [
    r.mode,
    whole(r.rows),
    fixed(r.wallSeconds, 2),
    fixed(r.cpuSeconds, 2),
    whole(r.rowsPerSecond),
    fixed(r.peakRssMb, 0),
    r.timeVsBaseline === null ? '—' : `${fixed(r.timeVsBaseline, 1)}×`,
    r.cpuVsBaseline === null ? '—' : `${fixed(r.cpuVsBaseline, 1)}×`,
    r.targetSeconds === null ? '—' : `≤ ${r.targetSeconds} s, < ${TARGET_RSS_MB} MB`,
    r.meetsTarget === null ? '—' : r.meetsTarget ? 'yes' : 'NO',
  ]);
  const alpha = boot?.alpha ?? null;
  return {
    name: 'agreement',
    title: `Agreement report — ${whole(prepared.solutions)} solutions, ${whole(prepared.annotations)} submitted annotations (${whole(prepared.withStepRatings)} with step ratings), SQLite`,
    table: { headers: ['run', 'annotations', 'seconds', 'CPU s', 'rows/s', 'peak RSS MB', 'vs baseline', 'CPU vs baseline', 'target', 'met'], rows },
    notes: [
      'baseline: one plain SELECT of the same annotation rows and columns, iterated raw; vs baseline = report time / baseline time (wall, and CPU of the timed section)',
      'targets are wall seconds on an unloaded machine; on a shared one, read the ratios (and CPU s)',
      `verdict alpha ${alpha === null ? '—' : fixed(alpha, 4)}, 95% CI ${boot?.alphaCi ? boot.alphaCi.map((x) => fixed(x, 4)).join(' … ') : '—'} (1000 resamples, seed 0)`,
      'each run is a fresh child process; peak RSS is that child’s whole life (Node itself ≈ 50 MB)',
    ],
    data: { prepared, runs },
  };
}
