/**
 * `npm run bench [-- --lines 10000,100000] [--only import] [--postgres] [--json]`: the
 * benchmarks of scripts/bench/, one after another (run nothing else heavy meanwhile). Every
 * figure comes with a baseline measured in the same run, because a shared machine's absolute
 * numbers drift; benchmarks are reports, not timed tests, and pass or fail only on correctness.
 * Progress goes to stderr; stdout gets the tables, or with --json one JSON document.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { agreementBenchmark } from './bench/agreement';
import { exportBenchmark } from './bench/export';
import { importBenchmark } from './bench/import';
import { workspaceBenchmark } from './bench/workspace';
import { formatTable, type Benchmark, type BenchReport } from './bench/measure';

/** The registry: a new benchmark is one file in scripts/bench/ and one entry here. */
const BENCHMARKS: Benchmark[] = [importBenchmark, exportBenchmark, workspaceBenchmark, agreementBenchmark];
const DEFAULT_LINES = [10_000, 100_000];

const USAGE = `usage: npm run bench -- [--lines N[,N…]] [--only NAME[,NAME…]] [--postgres] [--json]
  --lines     input sizes in lines (default ${DEFAULT_LINES.join(',')}); repeatable
  --only      run only these benchmarks (${BENCHMARKS.map((b) => b.name).join(', ')})
  --postgres  also measure against PostgreSQL (REDLINE_BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres)
  --json      print one JSON document instead of tables`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      lines: { type: 'string', multiple: true },
      only: { type: 'string', multiple: true },
      postgres: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const list = (given: string[] | undefined) => (given ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  const lines = list(values.lines).map((v) => Number(v.replace(/_/g, '')));
  if (lines.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError(`--lines takes whole numbers ≥ 1, got ${values.lines?.join(' ')}`);
  const only = list(values.only);
  const unknown = only.filter((name) => !BENCHMARKS.some((b) => b.name === name));
  if (unknown.length > 0) throw new UsageError(`no benchmark named ${unknown.join(', ')}`);
  return {
    help: values.help,
    lines: lines.length > 0 ? [...new Set(lines)].sort((a, b) => a - b) : DEFAULT_LINES,
    benchmarks: only.length > 0 ? BENCHMARKS.filter((b) => only.includes(b.name)) : BENCHMARKS,
    postgres: values.postgres,
    json: values.json,
  };
}

class UsageError extends Error {}

function printTables(reports: BenchReport[], seconds: number): void {
  const blocks = reports.map((r) => [r.title, '', formatTable(r.table.headers, r.table.rows), '', ...r.notes.map((n) => `• ${n}`)].join('\n'));
  process.stdout.write(`${blocks.join('\n\n')}\n\nnode ${process.version}, ${availableParallelism()} CPUs; took ${seconds.toFixed(1)} s\n`);
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const started = performance.now();
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const reports: BenchReport[] = [];
  for (const benchmark of options.benchmarks) {
    reports.push(await benchmark.run({ lines: options.lines, postgres: options.postgres, log }));
  }
  const seconds = (performance.now() - started) / 1000;
  if (options.json) {
    const document = {
      node: process.version, cpus: availableParallelism(), lines: options.lines, postgres: options.postgres, seconds,
      benchmarks: reports.map((r) => ({ name: r.name, title: r.title, notes: r.notes, ...r.data })),
    };
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    printTables(reports, seconds);
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof UsageError) process.stderr.write(`${USAGE}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
