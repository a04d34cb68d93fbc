import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { parseDatabaseUrl, type Database } from '../db/connection';
import { freePort } from './concurrency-servers';

/**
 * Real `redline` processes that the crash tests kill with SIGKILL: no shutdown hook runs, no
 * transaction gets to finish — what a power cut or the OOM killer does to a server.
 */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface RedlineProcess {
  child: ChildProcess;
  /** Everything it printed on stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  kill(): Promise<void>;
}

export function startRedline(args: string[], databaseUrl: string, extraEnv: Record<string, string> = {}): RedlineProcess {
  const child = spawn(process.execPath, ['bin/redline.mjs', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, REDLINE_CLIENT_DIR: 'none', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exited = once(child, 'exit').then(([code]) => {
    running.delete(child);
    return code as number | null;
  });
  return {
    child,
    output: () => text,
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** `redline serve` on a free port, answering /api/health. */
export async function startServer(databaseUrl: string): Promise<RedlineProcess & { url: string }> {
  const port = await freePort();
  const server = startRedline(['serve', '--port', String(port), '--host', '127.0.0.1'], databaseUrl);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 25_000;
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`redline serve exited with ${server.child.exitCode}:\n${server.output()}`);
    if (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`redline serve did not answer within 25 s:\n${server.output()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { ...server, url };
}

/** SQLite's own check of every page and index, on a fresh connection (it also replays the WAL). */
export function sqliteIntegrity(databaseUrl: string): string {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.dialect !== 'sqlite') throw new Error('not a SQLite database');
  const file = new BetterSqlite3(target.path);
  try {
    return (file.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    file.close();
  }
}

/** Polls `check` every 10 ms until it is true; fails after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * The teardown's `DROP DATABASE … WITH (FORCE)` ends this pool's backends while they close
 * (57P01); pg reports that on the pool, which is expected here and not a test failure.
 */
export function tolerateDroppedConnections(db: Database): void {
  if (db.driver.kind === 'postgres') db.driver.pool.on('error', () => undefined);
}
