/**
 * The import benchmark's subject (a child of measureInChild): `importNativeFile` into a freshly
 * migrated database, the project made by `ensureProject` — exactly what `redline import` does.
 * Only the import itself is timed; the row counts let the parent check it stored everything.
 */
import { count } from 'drizzle-orm';
import { openDatabase, type Database } from '../../server/db/connection';
import { importNativeFile } from '../../server/services/import/import-native';
import { ensureProject } from '../../server/services/projects';
import type { LoaderResult, RowCounts } from './import';
import { runAsChild, type Clock } from './measure';

export interface RedlineArgs {
  file: string;
  /** A DATABASE_URL: `sqlite:PATH` or `postgres://…`, empty. */
  url: string;
}

export interface RedlineResult {
  lines: number;
  badCount: number;
  counts: RowCounts;
}

async function importWithRedline(args: RedlineArgs, clock: Clock): Promise<LoaderResult<RedlineResult>> {
  const db = openDatabase(args.url);
  try {
    await db.migrate();
    const project = await ensureProject(db, 'bench', null);
    const cpuBefore = process.cpuUsage();
    clock.start();
    const summary = await importNativeFile(db, { file: args.file, project, strict: false, actorId: null });
    clock.stop();
    const cpu = process.cpuUsage(cpuBefore);
    return {
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      value: { lines: summary.lines, badCount: summary.badCount, counts: await countRows(db) },
    };
  } finally {
    await db.close();
  }
}

async function countRows(db: Database): Promise<RowCounts> {
  const { t } = db;
  const rows = async (table: typeof t.problems | typeof t.solutions | typeof t.ormJudgments | typeof t.images | typeof t.problemImages) =>
    (await db.orm.select({ n: count() }).from(table))[0]?.n ?? 0;
  return {
    problems: await rows(t.problems), solutions: await rows(t.solutions), ormJudgments: await rows(t.ormJudgments),
    images: await rows(t.images), problemImages: await rows(t.problemImages),
  };
}

runAsChild(importWithRedline);
