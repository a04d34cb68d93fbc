import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Database } from '../db/connection';
import { AppError } from '../errors';

export interface BackupOptions {
  /** Replace an existing file at the destination. */
  force?: boolean;
  /** Pages copied per step; between steps the event loop (and any writer) runs. */
  pagesPerStep?: number;
  onProgress?: (progress: { totalPages: number; remainingPages: number }) => void;
}

export interface BackupSummary {
  path: string;
  bytes: number;
  pages: number;
  /** Times another connection's write made SQLite start the copy over (see below). */
  restarts: number;
  ms: number;
}

/** Say how to back up PostgreSQL: its own tools do it better than we could (README "Backups"). */
export const POSTGRES_BACKUP_HINT = 'redline backup copies the embedded SQLite database only. For PostgreSQL use its tools: '
  + 'pg_dump -Fc -f redline.dump "$DATABASE_URL" to back up, and pg_restore --no-owner -d "$TARGET_URL" redline.dump '
  + 'into an empty database to restore.';

/** After this many restarts the rest is copied in one step (still a reader only: WAL writers go on). */
const MAX_RESTARTS = 3;

/**
 * An online copy of the SQLite database to `destination` (SPEC §7 `redline backup FILE`), safe
 * while the server serves. SQLite's backup API copies `pagesPerStep` pages per step and yields
 * between steps, so writers on this connection are never held for the whole copy (and in WAL
 * mode a step is only a reader). A write through another connection (another process) makes
 * SQLite restart the copy so the result stays one consistent moment; after a few restarts the
 * remainder is copied in a single step so a busy server cannot starve the backup. The copy is
 * written to a temporary name in the destination folder and renamed into place only when
 * complete: a crash leaves no half-written file under the destination's name.
 */
export async function backupSqlite(db: Database, destination: string, options: BackupOptions = {}): Promise<BackupSummary> {
  if (db.driver.kind !== 'sqlite') throw new AppError('BAD_REQUEST', POSTGRES_BACKUP_HINT);
  const sqlite = db.driver.sqlite;
  const path = resolve(destination);
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new AppError('BAD_REQUEST', `${folder} is not a folder; create it first`);
  if (sqlite.name && resolve(sqlite.name) === path) throw new AppError('BAD_REQUEST', `${destination} is the database itself; choose another file`);
  if (existsSync(path) && !options.force) throw new AppError('BAD_REQUEST', `${destination} exists; pass --force to replace it`);
  // A WAL file beside the destination would be replayed into the backup when it is opened.
  if (existsSync(`${path}-wal`)) throw new AppError('BAD_REQUEST', `${destination}-wal exists: a database at that path is or was in use; choose another file`);

  const temp = join(folder, `.${basename(path)}.partial-${process.pid}-${randomBytes(4).toString('hex')}`);
  const started = Date.now();
  const step = Math.max(1, options.pagesPerStep ?? 100);
  let restarts = 0;
  let lastRemaining = Number.POSITIVE_INFINITY;
  try {
    const result = await sqlite.backup(temp, {
      progress: ({ totalPages, remainingPages }) => {
        if (remainingPages > lastRemaining) restarts++;
        lastRemaining = remainingPages;
        options.onProgress?.({ totalPages, remainingPages });
        return restarts >= MAX_RESTARTS ? totalPages : step;
      },
    });
    await rename(temp, path);
    return { path, bytes: (await stat(path)).size, pages: result.totalPages, restarts, ms: Date.now() - started };
  } catch (error) {
    await rm(temp, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError('INTERNAL', `the backup to ${destination} failed: ${(error as Error).message}`);
  }
}
