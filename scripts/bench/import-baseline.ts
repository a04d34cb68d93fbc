/**
 * The import benchmark's baseline (a child of measureInChild): what a careful hand-written loader
 * would do with the same native JSONL — read it line by line, JSON.parse, and insert the rows the
 * importer stores with plain better-sqlite3 prepared statements, 1,000 lines per transaction,
 * into a database migrated with the committed SQL. No validation, no conflict checks, no ORM.
 * Like the importer it reads and hashes each problem's images and keeps memory flat: problem
 * ids are looked up in the database, not remembered.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import type { LoaderResult, RowCounts } from './import';
import { runAsChild, type Clock } from './measure';

export interface BaselineArgs {
  file: string;
  /** A SQLite file that does not exist yet. */
  database: string;
}

/** The fields of a native line (SPEC §3.1) that gen-native.ts writes. */
interface NativeLine {
  problem: { id: string; question: string; images: string[]; answer?: string; subject?: string; source?: string };
  solution: { id: string; model: string; round?: number; steps: string[]; finalAnswer?: string };
  orm?: { model: string; status: string; error_step?: string; error_analysis?: string; improvement_suggestion?: string; score?: number };
}

const LINES_PER_TRANSACTION = 1000;
const migrations = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations/sqlite');

/** Applies the committed migrations in journal order (what drizzle's migrator runs). */
function migrate(sqlite: BetterSqlite3.Database): void {
  const journal = JSON.parse(readFileSync(join(migrations, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  for (const { tag } of journal.entries) {
    for (const statement of readFileSync(join(migrations, `${tag}.sql`), 'utf8').split('--> statement-breakpoint')) {
      if (statement.trim() !== '') sqlite.exec(statement);
    }
  }
}

/** Width and height from a PNG's IHDR chunk (the generated images are PNGs). */
function pngSize(data: Buffer): { width: number; height: number } {
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

async function loadBaseline(args: BaselineArgs, clock: Clock): Promise<LoaderResult<RowCounts>> {
  const sqlite = new BetterSqlite3(args.database);
  // The same settings as server/db/connection.ts.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  migrate(sqlite);
  const now = () => Date.now();
  const project = sqlite.prepare("INSERT INTO projects (name, taxonomy, settings, created_at) VALUES ('bench', '[]', '{}', ?)").run(now());
  const projectId = Number(project.lastInsertRowid);

  const insertProblem = sqlite.prepare<unknown[], { id: number }>(`INSERT INTO problems (project_id, external_id, question, answer, subject, source, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project_id, external_id) DO NOTHING RETURNING id`);
  const findProblem = sqlite.prepare<unknown[], { id: number }>('SELECT id FROM problems WHERE project_id = ? AND external_id = ?');
  const insertImage = sqlite.prepare(`INSERT INTO images (sha256, mime, width, height, bytes, data, created_at)
    VALUES (?, 'image/png', ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`);
  const insertProblemImage = sqlite.prepare('INSERT INTO problem_images (problem_id, position, image_sha256) VALUES (?, ?, ?)');
  const insertSolution = sqlite.prepare(`INSERT INTO solutions (project_id, problem_id, external_id, model, round, steps, final_answer, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertOrm = sqlite.prepare(`INSERT INTO orm_judgments (solution_id, model, status, error_step, error_step_index, step_unclear,
    error_analysis, improvement_suggestion, score, created_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`);
  const folder = dirname(resolve(args.file));

  const storeBatch = sqlite.transaction((lines: NativeLine[]) => {
    for (const { problem: p, solution: s, orm } of lines) {
      const inserted = insertProblem.get(projectId, p.id, p.question, p.answer ?? null, p.subject ?? null, p.source ?? null, now());
      const problemId = inserted?.id ?? findProblem.get(projectId, p.id)?.id;
      if (inserted) {
        for (const [position, ref] of p.images.entries()) {
          const data = readFileSync(join(folder, ref));
          const sha256 = createHash('sha256').update(data).digest('hex');
          const { width, height } = pngSize(data);
          insertImage.run(sha256, width, height, data.length, data, now());
          insertProblemImage.run(problemId, position, sha256);
        }
      }
      const solution = insertSolution.run(projectId, problemId, s.id, s.model, s.round ?? 0, JSON.stringify(s.steps), s.finalAnswer ?? null, now());
      if (orm) {
        const step = orm.status === 'WRONG' ? /\d+/.exec(orm.error_step ?? '') : null;
        insertOrm.run(solution.lastInsertRowid, orm.model, orm.status, orm.error_step ?? null, step ? Number(step[0]) - 1 : null,
          orm.error_analysis ?? null, orm.improvement_suggestion ?? null, orm.score ?? null, now());
      }
    }
  });

  const cpuBefore = process.cpuUsage();
  clock.start();
  const reader = createInterface({ input: createReadStream(args.file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let batch: NativeLine[] = [];
  for await (const text of reader) {
    if (text.trim() === '') continue;
    batch.push(JSON.parse(text) as NativeLine);
    if (batch.length === LINES_PER_TRANSACTION) {
      storeBatch(batch);
      batch = [];
    }
  }
  storeBatch(batch);
  clock.stop();
  const cpu = process.cpuUsage(cpuBefore);

  const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const counts: RowCounts = {
    problems: count('problems'), solutions: count('solutions'), ormJudgments: count('orm_judgments'),
    images: count('images'), problemImages: count('problem_images'),
  };
  sqlite.close();
  return { cpuSeconds: (cpu.user + cpu.system) / 1e6, value: counts };
}

runAsChild(loadBaseline);
