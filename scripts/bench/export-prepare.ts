/**
 * The export benchmark's data (a child of measureInChild, not part of any figure): a fresh
 * SQLite database holding a generated native file imported with `importNativeFile` (8 steps a
 * solution, two solutions a problem, a small PNG on every 10th problem), plus one submitted
 * annotation per solution by one annotator, inserted with one plain `INSERT … SELECT`: problems
 * alternate correct / incorrect (by problem id), incorrect ones name a first error step, an
 * analysis, a suggestion and a corrected solution. Exported with policy `consensus` and
 * `minAnnotators: 1`, every solution has a final judgment; reflection takes the incorrect half.
 */
import { openDatabase } from '../../server/db/connection';
import { importNativeFile } from '../../server/services/import/import-native';
import { ensureProject } from '../../server/services/projects';
import { BENCH_PROJECT } from './export-cases';
import { runAsChild } from './measure';

export interface PrepareArgs {
  file: string;
  /** A SQLite file that does not exist yet. */
  database: string;
}

export interface PreparedCounts {
  solutions: number;
  /** Solutions whose (only) annotation says incorrect: what reflection exports. */
  incorrect: number;
  annotations: number;
  images: number;
}

const ANNOTATOR = 'bench-annotator';

async function prepare(args: PrepareArgs): Promise<PreparedCounts> {
  const db = openDatabase(`sqlite:${args.database}`);
  try {
    await db.migrate();
    const project = await ensureProject(db, BENCH_PROJECT, null);
    const summary = await importNativeFile(db, { file: args.file, project, strict: false, actorId: null });
    if (summary.badCount > 0) throw new Error(`the generated file had ${summary.badCount} bad lines`);
    if (db.driver.kind !== 'sqlite') throw new Error('the export benchmark prepares SQLite only');
    const sqlite = db.driver.sqlite;
    const now = Date.now();
    const user = sqlite.prepare("INSERT INTO users (name, role, created_at) VALUES (?, 'annotator', ?)").run(ANNOTATOR, now);
    sqlite.prepare(`INSERT INTO annotations (solution_id, annotator_id, status, version, verdict, first_error_step, error_analysis,
        improvement_suggestion, corrected_solution, regions, time_spent_ms, created_at, updated_at, submitted_at)
      SELECT s.id, ?, 'submitted', 1,
        CASE WHEN s.problem_id % 2 = 0 THEN 'correct' ELSE 'incorrect' END,
        CASE WHEN s.problem_id % 2 = 0 THEN NULL ELSE s.id % 8 END,
        CASE WHEN s.problem_id % 2 = 0 THEN '' ELSE 'Step ' || (s.id % 8 + 1) || ' reads the angle at B as the angle at C; they are supplementary, not equal.' END,
        CASE WHEN s.problem_id % 2 = 0 THEN '' ELSE 'Use the alternate interior angles of the parallel lines.' END,
        CASE WHEN s.problem_id % 2 = 0 THEN NULL ELSE json_array(
          'Since $AB \\parallel CD$, the alternate interior angles are equal.',
          'So $\\angle ABC = \\angle BCD$, and the angle at B is ' || (s.id % 180) || '$^\\circ$.',
          'Solving for $x$ gives $x = ' || (s.id % 90) || '$.',
          'The answer to this problem is ' || (s.id % 90) || '.') END,
        '[]', 60000, ?, ?, ?
      FROM solutions s WHERE s.project_id = ?`).run(user.lastInsertRowid, now, now, now, project.id);
    const count = (sql: string) => (sqlite.prepare(sql).get(project.id) as { n: number }).n;
    return {
      solutions: count('SELECT count(*) AS n FROM solutions WHERE project_id = ?'),
      incorrect: count(`SELECT count(*) AS n FROM annotations a JOIN solutions s ON s.id = a.solution_id
        WHERE s.project_id = ? AND a.verdict = 'incorrect'`),
      annotations: count('SELECT count(*) AS n FROM annotations a JOIN solutions s ON s.id = a.solution_id WHERE s.project_id = ?'),
      images: count('SELECT count(DISTINCT pi.image_sha256) AS n FROM problem_images pi JOIN problems p ON p.id = pi.problem_id WHERE p.project_id = ?'),
    };
  } finally {
    await db.close();
  }
}

runAsChild(prepare);
