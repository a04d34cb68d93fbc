import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What every benchmark shares: measuring work in a child process of its own (so its peak RSS is
 * its own), generated data in temp folders that are always removed, and a plain-text table.
 * Figures mean little alone on a shared machine; each benchmark reports them as ratios against
 * a baseline run in the same invocation.
 */
export interface BenchOptions {
  /** Input sizes in lines, ascending. */
  lines: number[];
  postgres: boolean;
  /** Progress for people watching; goes to stderr so stdout stays the report. */
  log: (message: string) => void;
}

export interface BenchReport {
  name: string;
  title: string;
  table: { headers: string[]; rows: string[][] };
  notes: string[];
  /** The figures as data, for `--json`. */
  data: Record<string, unknown>;
}

export interface Benchmark {
  name: string;
  run(options: BenchOptions): Promise<BenchReport>;
}

export interface Measurement<R> {
  /** Wall time of the timed section (see Clock), in seconds. */
  wallSeconds: number;
  /**
   * CPU time (user + system) the child spent in the timed section, in seconds: less disturbed
   * than wall time when other work shares the machine, so ratios of it are the steadier figure.
   */
  cpuSeconds: number;
  /** The child's peak resident set size over its whole life, in MB (2^20 bytes). */
  peakRssMb: number;
  result: R;
}

/** A child marks the section worth timing (setup such as migrations stays outside it). */
export interface Clock {
  start(): void;
  stop(): void;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Children run TypeScript through tsx's loader, like this script itself. */
const TSX_LOADER = import.meta.resolve('tsx');

type ChildMessage<R> = { ok: true; wallSeconds: number; cpuSeconds: number; maxRssKb: number; result: R } | { ok: false; error: string };

/**
 * Runs `entry` (a module that calls runAsChild) in a fresh Node process with `args`, and returns
 * what it measured. Its stdout goes to our stderr: our stdout is reserved for the report.
 */
export function measureInChild<A, R>(entry: string, args: A): Promise<Measurement<R>> {
  return new Promise((done, fail) => {
    const child = fork(entry, [JSON.stringify(args)], {
      cwd: repoRoot, execArgv: ['--import', TSX_LOADER], stdio: ['ignore', 2, 'inherit', 'ipc'],
    });
    let message: ChildMessage<R> | undefined;
    child.on('message', (m) => { message = m as ChildMessage<R>; });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (message?.ok) done({ wallSeconds: message.wallSeconds, cpuSeconds: message.cpuSeconds, peakRssMb: message.maxRssKb / 1024, result: message.result });
      else fail(new Error(`${entry} failed (${signal ?? `exit ${code}`}): ${message?.error ?? 'no result reported'}`));
    });
  });
}

/** The body of a child module: runs `task` with the arguments measureInChild passed. */
export function runAsChild<A, R>(task: (args: A, clock: Clock) => Promise<R>): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error('this module is a benchmark child: run it through measureInChild');
  // The parent wrote these arguments as an A in this same run.
  const args = JSON.parse(process.argv[2] ?? 'null') as A;
  let started: number | undefined;
  let stopped: number | undefined;
  let cpuAtStart: NodeJS.CpuUsage | undefined;
  let cpuUsed: NodeJS.CpuUsage | undefined;
  const clock: Clock = {
    start: () => { started = performance.now(); cpuAtStart = process.cpuUsage(); },
    stop: () => { stopped = performance.now(); cpuUsed = process.cpuUsage(cpuAtStart); },
  };
  const whole = performance.now();
  const reply = (m: ChildMessage<R>) => send(m, () => process.disconnect());
  task(args, clock).then(
    (result) => {
      // Linux reports maxRSS in kilobytes.
      const wallSeconds = ((stopped ?? performance.now()) - (started ?? whole)) / 1000;
      const cpu = cpuUsed ?? process.cpuUsage(cpuAtStart);
      reply({ ok: true, wallSeconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssKb: process.resourceUsage().maxRSS, result });
    },
    (error: unknown) => {
      process.exitCode = 1;
      reply({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    },
  );
}

const liveTempDirs = new Set<string>();
for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15]] as const) {
  process.once(signal, () => {
    for (const dir of liveTempDirs) rmSync(dir, { recursive: true, force: true });
    process.exit(128 + number);
  });
}

/** A fresh temp folder for `work`, removed afterwards whatever happens (Ctrl-C included). */
export async function withTempDir<T>(prefix: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  liveTempDirs.add(dir);
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    liveTempDirs.delete(dir);
  }
}

/** Writes `lines` native JSONL lines (and their images) with scripts/gen-native.ts; returns the file. */
export async function generateNative(dir: string, lines: number): Promise<string> {
  const file = join(dir, 'native.jsonl');
  await new Promise<void>((done, fail) => {
    const child = fork(join(repoRoot, 'scripts/gen-native.ts'), [file, String(lines)], {
      cwd: repoRoot, execArgv: ['--import', TSX_LOADER], stdio: ['ignore', 2, 'inherit', 'ipc'],
    });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`gen-native.ts exited with ${code}`))));
  });
  return file;
}

/** The server tests' PostgreSQL, unless REDLINE_BENCH_PG_URL names another (an admin URL). */
const PG_ADMIN_URL = process.env.REDLINE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Creates database `redline_bench_<pid>` for `work`, and drops it afterwards. */
export async function withPostgresDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `redline_bench_${process.pid}`;
  // Loaded here so that children, which import this module too, do not carry pg in their RSS.
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    try {
      return await work(url.toString());
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

/** Left-aligned text columns, right-aligned numbers. */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_, i) => rows.every((r) => /^[-+\d.,×%—]*$/.test(r[i] ?? '')));
  const line = (cells: string[]) => cells
    .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
    .join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
/** 12345.6 → "12,346". */
export const whole = (n: number): string => numberFormat.format(n);
export const fixed = (n: number, digits: number): string => n.toFixed(digits);
