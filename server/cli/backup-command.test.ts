import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { asc } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { buildApp } from '../app';
import { openDatabase, type Database } from '../db/connection';
import { AppError } from '../errors';
import { backupSqlite } from '../services/backup';
import { signIn } from '../test/app-client';
import { tolerateDroppedConnections } from '../test/crash-process';
import { dbChecksum } from '../test/db-checksum';
import { useTestDatabase } from '../test/hooks';
import { runCommand, useCommandEnvironment } from '../test/run-command';
import { seedProject, seedUser, TEST_PASSWORD, type SeededProject } from '../test/seed';
import { TEST_PG_ADMIN_URL, testDialect } from '../test/test-database';
import { registerBackupCommand } from './backup-command';
import { main } from './main';

const t = useTestDatabase();
useCommandEnvironment();
const scratch = mkdtempSync(join(tmpdir(), 'redline-backup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const sqlite = testDialect() === 'sqlite';

let seeded: SeededProject;
beforeAll(async () => {
  if (inject('skipReason')) return;
  tolerateDroppedConnections(t.db);
  await seedUser(t.db, 'alice');
  seeded = await seedProject(t.db, { name: 'backed', problems: 20, solutionsPerProblem: 2, members: ['alice'] });
  // Bulk, so the copy takes many steps (~12 MB: ~3,000 pages of 4 KiB).
  for (let i = 0; i < 8; i++) {
    await t.db.transaction(async (tx) => {
      for (let k = 0; k < 25; k++) {
        const data = randomBytes(60_000);
        await tx.insert(t.db.t.images).values({ sha256: `${i}-${k}-${data.subarray(0, 8).toString('hex')}`, mime: 'image/png', width: 1, height: 1, bytes: data.length, data });
      }
    });
  }
});

/** Appends numbered jobs rows (1, 2, 3, …) until stopped; a consistent copy holds 1..k, no gaps. */
function startWriter(db: Database, kind: string) {
  let n = 0;
  let stop = false;
  let slowestMs = 0;
  const done = (async () => {
    while (!stop) {
      const began = Date.now();
      n++;
      await db.transaction((tx) => tx.insert(db.t.jobs).values({ kind, status: 'done', progress: { n } }));
      slowestMs = Math.max(slowestMs, Date.now() - began);
      await new Promise((r) => setTimeout(r, 1));
    }
  })();
  return {
    written: () => n,
    slowestMs: () => slowestMs,
    stop: async () => {
      stop = true;
      await done;
    },
  };
}

async function jobNumbers(db: Database, kind: string): Promise<number[]> {
  const rows = await db.orm.select().from(db.t.jobs).orderBy(asc(db.t.jobs.id));
  return rows.filter((r) => r.kind === kind).map((r) => Number(r.progress.n));
}

function integrity(path: string): string {
  const file = new BetterSqlite3(path, { readonly: true });
  try {
    return String(file.pragma('integrity_check', { simple: true }));
  } finally {
    file.close();
  }
}

async function withOpened<T>(path: string, work: (db: Database) => Promise<T>): Promise<T> {
  const db = openDatabase(`sqlite:${path}`);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

if (sqlite) describe('redline backup on SQLite', () => {
  it('copies while the server’s connection keeps writing, in steps that never hold writers for the whole copy', async () => {
    const writer = startWriter(t.db, 'same-connection');
    await new Promise((r) => setTimeout(r, 20));
    const before = writer.written();
    const summary = await backupSqlite(t.db, join(scratch, 'during.db'), { pagesPerStep: 50 });
    const during = writer.written() - before;
    await writer.stop();

    expect(summary.pages).toBeGreaterThan(2_500);
    expect(during).toBeGreaterThan(5);
    // Writes went on during the copy: none waited for the whole of it.
    expect(writer.slowestMs()).toBeLessThan(summary.ms);
    expect(integrity(summary.path)).toBe('ok');
    const copied = await withOpened(summary.path, (db) => jobNumbers(db, 'same-connection'));
    expect(copied.length).toBeGreaterThan(0);
    expect(copied).toEqual(Array.from({ length: copied.length }, (_, i) => i + 1));
    expect(readdirSync(scratch).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('completes and stays consistent while another connection (another process) writes', async () => {
    const other = openDatabase(t.url);
    const writer = startWriter(other, 'other-connection');
    try {
      const summary = await backupSqlite(t.db, join(scratch, 'other.db'), { pagesPerStep: 50 });
      expect(integrity(summary.path)).toBe('ok');
      const copied = await withOpened(summary.path, (db) => jobNumbers(db, 'other-connection'));
      expect(copied).toEqual(Array.from({ length: copied.length }, (_, i) => i + 1));
      expect(summary.restarts).toBeGreaterThan(0);
    } finally {
      await writer.stop();
      await other.close();
    }
  });

  it('holds exactly the content of the source at its moment', async () => {
    const summary = await backupSqlite(t.db, join(scratch, 'quiet.db'));
    const source = await dbChecksum(t.db);
    const copy = await withOpened(summary.path, (db) => dbChecksum(db));
    expect(copy).toEqual(source);
    expect(source.tables.images?.rows).toBe(200);
  });

  it('prints the path and size with --json, refuses to overwrite without --force', async () => {
    const dest = join(scratch, 'cli.db');
    const out = JSON.parse(await runCommand(t.url, registerBackupCommand, ['backup', dest, '--json']));
    expect(out).toMatchObject({ dialect: 'sqlite', path: dest, bytes: statSync(dest).size });
    const refused = runCommand(t.url, registerBackupCommand, ['backup', dest]);
    await expect(refused).rejects.toThrow(AppError);
    await expect(refused).rejects.toThrow(/exists; pass --force/);
    const forced = await runCommand(t.url, registerBackupCommand, ['backup', dest, '--force']);
    expect(forced).toMatch(/^Backed up .* to .*cli\.db \(\d+ bytes, \d+ pages\)/);
    await expect(runCommand(t.url, registerBackupCommand, ['backup', t.url.slice('sqlite:'.length), '--force'])).rejects.toThrow(/the database itself/);
    await expect(runCommand(t.url, registerBackupCommand, ['backup', join(scratch, 'no/such/folder.db')])).rejects.toThrow(/is not a folder/);
  });

  it('restores by copying the file back: the app starts on it, a user signs in and reads a solution', async () => {
    const serving = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false } });
    const caller = await signIn(serving, 'alice', TEST_PASSWORD);
    const next = await caller.post('/api/projects/backed/queue/next');
    const id = next.json().solution.id as number;
    const saved = await caller.put(`/api/solutions/${id}/annotation`, {
      verdict: 'incorrect', firstErrorStep: 1, stepRatings: null, errorType: 'calculation', errorAnalysis: 'kept by the backup',
      improvementSuggestion: '', correctedSolution: null, regions: [], flags: { badProblem: false, unsure: false }, timeSpentMs: 5, status: 'draft', version: 0,
    });
    expect(saved.statusCode).toBe(200);
    await serving.close();
    const backup = await backupSqlite(t.db, join(scratch, 'restore-source.db'));
    const restored = join(mkdtempSync(join(scratch, 'restored-')), 'redline.db');
    copyFileSync(backup.path, restored);
    const db = openDatabase(`sqlite:${restored}`);
    const app = await buildApp({ db, config: { clientDir: 'none', secureCookies: false } });
    try {
      await db.migrate();
      const alice = await signIn(app, 'alice', TEST_PASSWORD);
      const view = await alice.get(`/api/solutions/${id}`);
      expect(view.statusCode).toBe(200);
      expect(view.json().solution.steps).toHaveLength(3);
      expect(view.json().annotation).toMatchObject({ errorAnalysis: 'kept by the backup', version: 1 });
      expect(seeded.solutionIds).toContain(id);
    } finally {
      await app.close();
      await db.close();
    }
  });
});

if (!sqlite) describe('backups on PostgreSQL', () => {
  it('redline backup exits 2 and names pg_dump / pg_restore', async () => {
    process.env.DATABASE_URL = t.url;
    let stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    expect(await main(['backup', join(scratch, 'pg.db')])).toBe(2);
    expect(stderr).toContain('pg_dump -Fc');
    expect(stderr).toContain('pg_restore');
    expect(existsSync(join(scratch, 'pg.db'))).toBe(false);
  });

  const hasPgDump = spawnSync('pg_dump', ['--version']).status === 0;
  it('pg_dump -Fc and pg_restore into an empty database give the same content', async (ctx) => {
    if (!hasPgDump) {
      if (process.env.CI === 'true') throw new Error('pg_dump is not on PATH; under CI that is a failure');
      ctx.skip('pg_dump is not on PATH');
    }
    const dump = join(scratch, 'redline.dump');
    const dumped = spawnSync('pg_dump', ['-Fc', '-f', dump, t.url], { encoding: 'utf8' });
    expect(dumped.stderr).toBe('');
    expect(dumped.status).toBe(0);
    const name = `redline_test_${process.pid}_restore_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const target = new URL(TEST_PG_ADMIN_URL);
    target.pathname = `/${name}`;
    try {
      const restored = spawnSync('pg_restore', ['--no-owner', '-d', target.toString(), dump], { encoding: 'utf8' });
      expect(restored.stderr).toBe('');
      expect(restored.status).toBe(0);
      const db = openDatabase(target.toString());
      // The DROP below ends this pool's backends as they close; that is expected, not a failure.
      if (db.driver.kind === 'postgres') db.driver.pool.on('error', () => undefined);
      try {
        expect(await dbChecksum(db)).toEqual(await dbChecksum(t.db));
        expect((await dbChecksum(db)).tables.images?.rows).toBe(200);
      } finally {
        await db.close();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
