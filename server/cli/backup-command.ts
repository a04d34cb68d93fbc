import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { openDatabase, parseDatabaseUrl } from '../db/connection';
import { backupSqlite, POSTGRES_BACKUP_HINT } from '../services/backup';
import { createOutput, UsageError } from './output';

interface BackupFlags {
  force?: boolean;
  json?: boolean;
}

/**
 * `redline backup FILE` (SPEC §7): an online copy of the embedded SQLite database, safe while
 * `redline serve` runs. On PostgreSQL it exits 2 and names pg_dump / pg_restore instead.
 */
export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description('copy the SQLite database to FILE while the server keeps serving')
    .argument('<file>', 'the backup file to write (its folder must exist)')
    .option('--force', 'replace FILE if it exists')
    .option('--json', 'print one JSON summary on stdout and nothing else there')
    .action(async (file: string, flags: BackupFlags) => {
      const output = createOutput(Boolean(flags.json));
      const target = parseDatabaseUrl(process.env.DATABASE_URL);
      if (target.dialect === 'postgres') throw new UsageError(POSTGRES_BACKUP_HINT);
      // Opening a missing file would create an empty database and back that up.
      if (target.path === ':memory:' || !existsSync(target.path)) throw new UsageError(`there is no database at ${target.path} to back up`);
      const db = openDatabase(process.env.DATABASE_URL);
      let bar: ReturnType<typeof output.progress> | undefined;
      try {
        const summary = await backupSqlite(db, file, {
          force: flags.force === true,
          onProgress: ({ totalPages, remainingPages }) => {
            bar ??= output.progress(totalPages, 'backup');
            bar.update(totalPages - remainingPages);
          },
        });
        bar?.stop();
        output.result({ dialect: 'sqlite', source: target.path, ...summary });
        output.say(`Backed up ${target.path} to ${summary.path} (${summary.bytes} bytes, ${summary.pages} pages) in ${summary.ms} ms`);
      } finally {
        bar?.stop();
        await db.close();
      }
    });
}
