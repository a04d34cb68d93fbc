/**
 * The agreement benchmark's data (a child of measureInChild, untimed): a fresh SQLite database
 * with one project of `solutions` solutions (4 rounds of `solutions / 4` problems, one solution per
 * problem per round) and 5 annotators who each SUBMIT every solution — 5 × solutions annotations.
 * Generated with plain `INSERT … SELECT` over a counter, deterministic: a solution's truth is
 * incorrect when id % 3 = 0; each annotator flips it on about 15% of solutions (an arithmetic
 * hash of solution and user), names first error step id % 8 (±1 now and then), an error type of
 * the default taxonomy, and step ratings (8 steps) on every 5th solution. One ORM judgment per
 * solution (about 80% agreeing with the truth), gold on every 20th solution, QC on every 40th.
 */
import { DEFAULT_ERROR_TAXONOMY } from '../../shared/constants';
import { openDatabase } from '../../server/db/connection';
import { ensureProject } from '../../server/services/projects';
import { runAsChild } from './measure';

export const AGREEMENT_BENCH_PROJECT = 'bench-agreement';
export const AGREEMENT_BENCH_ANNOTATORS = 5;

export interface AgreementPrepareArgs {
  database: string;
  solutions: number;
}

export interface AgreementPrepared {
  solutions: number;
  annotations: number;
  withStepRatings: number;
}

async function prepare(args: AgreementPrepareArgs): Promise<AgreementPrepared> {
  const db = openDatabase(`sqlite:${args.database}`);
  try {
    await db.migrate();
    const project = await ensureProject(db, AGREEMENT_BENCH_PROJECT, null);
    if (db.driver.kind !== 'sqlite') throw new Error('the agreement benchmark prepares SQLite only');
    const sqlite = db.driver.sqlite;
    const problems = Math.ceil(args.solutions / 4);
    const now = Date.now();
    const types = DEFAULT_ERROR_TAXONOMY.map((t) => `'${t}'`);
    const typeOf = (hash: string) => `CASE (${hash}) % ${types.length} ${types.map((t, i) => `WHEN ${i} THEN ${t}`).join(' ')} END`;
    sqlite.exec('BEGIN');
    sqlite.prepare('UPDATE projects SET overlap = 3 WHERE id = ?').run(project.id);
    const user = sqlite.prepare("INSERT INTO users (name, role, imported, created_at) VALUES (?, ?, 0, ?)");
    for (let i = 1; i <= AGREEMENT_BENCH_ANNOTATORS; i++) user.run(`bench-annotator-${i}`, 'annotator', now);
    const lead = Number(user.run('bench-lead', 'lead', now).lastInsertRowid);
    const counter = (n: number) => `WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ${n})`;
    sqlite.prepare(`${counter(problems)}
      INSERT INTO problems (project_id, external_id, question, subject, created_at)
      SELECT ?, 'p' || i, 'question ' || i, CASE i % 3 WHEN 0 THEN 'algebra' WHEN 1 THEN 'geometry' ELSE 'calculus' END, ? FROM c`).run(project.id, now);
    const firstProblem = Number((sqlite.prepare('SELECT min(id) AS id FROM problems WHERE project_id = ?').get(project.id) as { id: number }).id);
    sqlite.prepare(`${counter(args.solutions)}
      INSERT INTO solutions (project_id, problem_id, external_id, model, round, steps, created_at)
      SELECT ?, ? + (i - 1) % ${problems}, 's' || i, 'gen-model', (i - 1) / ${problems},
             '["s1","s2","s3","s4","s5","s6","s7","s8"]', ? FROM c`).run(project.id, firstProblem, now);
    const flip = '((s.id * 7919 + u.id * 104729) % 100) < 15';
    const incorrect = `((s.id % 3 = 0) <> (${flip}))`;
    const ratings = [
      '[1,1,1,1,1,1,1,1]', '[1,1,0,1,1,1,1,1]', '[1,1,1,-1,-1,0,0,0]', '[1,0,-1,-1,0,0,1,1]',
    ];
    sqlite.prepare(`
      INSERT INTO annotations (solution_id, annotator_id, status, version, verdict, first_error_step, step_ratings,
                               error_type, regions, time_spent_ms, created_at, updated_at, submitted_at)
      SELECT s.id, u.id, 'submitted', 1,
             CASE WHEN ${incorrect} THEN 'incorrect' ELSE 'correct' END,
             CASE WHEN ${incorrect} THEN (s.id % 8 + CASE WHEN (s.id + u.id) % 7 = 0 AND s.id % 8 > 0 THEN -1 ELSE 0 END) END,
             CASE WHEN s.id % 5 = 0 THEN CASE (s.id * 31 + u.id) % 4 ${ratings.map((r, i) => `WHEN ${i} THEN '${r}'`).join(' ')} END END,
             CASE WHEN ${incorrect} THEN ${typeOf('s.id + CASE WHEN (s.id + u.id) % 5 = 0 THEN 1 ELSE 0 END')} END,
             '[]', 20000 + (s.id * 37 + u.id * 1009) % 100000, ?, ?, ? + s.id
        FROM solutions s CROSS JOIN users u
       WHERE s.project_id = ? AND u.role = 'annotator'`).run(now, now, now, project.id);
    sqlite.prepare(`
      INSERT INTO orm_judgments (solution_id, model, status, error_step, error_step_index, score, created_at)
      SELECT s.id, 'bench-orm', CASE WHEN (s.id % 3 = 0) <> (s.id % 5 = 1) THEN 'WRONG' ELSE 'CORRECT' END,
             'Step ' || (s.id % 8 + 1), s.id % 8, 0.5, ? FROM solutions s WHERE s.project_id = ?`).run(now, project.id);
    sqlite.prepare(`
      INSERT INTO adjudications (solution_id, adjudicator_id, version, verdict, first_error_step, error_type, regions, qc, created_at, updated_at)
      SELECT s.id, ?, 1, CASE WHEN s.id % 3 = 0 THEN 'incorrect' ELSE 'correct' END, CASE WHEN s.id % 3 = 0 THEN s.id % 8 END,
             CASE WHEN s.id % 3 = 0 THEN ${typeOf('s.id')} END, '[]', s.id % 40 = 0, ?, ?
        FROM solutions s WHERE s.project_id = ? AND s.id % 20 = 0`).run(lead, now, now, project.id);
    sqlite.exec('COMMIT');
    const count = (query: string) => Number((sqlite.prepare(query).get() as { n: number }).n);
    return {
      solutions: count('SELECT count(*) AS n FROM solutions'),
      annotations: count("SELECT count(*) AS n FROM annotations WHERE status = 'submitted'"),
      withStepRatings: count('SELECT count(*) AS n FROM annotations WHERE step_ratings IS NOT NULL'),
    };
  } finally {
    await db.close();
  }
}

runAsChild(prepare);
