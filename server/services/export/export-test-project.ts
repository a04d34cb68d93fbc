import { createHash } from 'node:crypto';
import type { Database } from '../../db/connection';

/**
 * A small project for the export tests, inserted straight through `db.orm`. Every solution's
 * steps are unique text ("<ext>: step k"), so a record can be traced back to its solution.
 * Expected outcomes under the default policy (gold, consensus; minAnnotators = overlap 2):
 *   geo-r1-a, geo-r2-c, geo-r2-d, f01..f10 a/b   correct (consensus)
 *   geo-r2-b   incorrect at step index 2 (consensus; the ORM blamed index 0), no correction;
 *              its reflection target is geo-r2-c (latest round, then lowest id)
 *   split-a    annotators split 1–1 → unresolved
 *   split-b    annotators say correct, the lead's gold says incorrect at 0 with a correction
 *   bad-a      both annotators flag a bad problem
 *   few-a      one submitted annotation (+ a draft) → too few; ORM CORRECT 0.9
 *   none-a     nothing human; ORM WRONG 0.6
 *   lonely-a   incorrect, no correction, no correct sibling
 *   noanswer-a correct but without a final answer
 */
export const EXPORT_PROJECT = 'export-test';
export const IMAGE_BYTES = Buffer.from('not really a png, but bytes all the same');
export const IMAGE_SHA = createHash('sha256').update(IMAGE_BYTES).digest('hex');

type Fields = {
  verdict?: 'correct' | 'incorrect' | null;
  firstErrorStep?: number | null;
  errorType?: string | null;
  errorAnalysis?: string;
  improvementSuggestion?: string;
  correctedSolution?: string[] | null;
  badProblem?: boolean;
};

export async function seedExportProject(db: Database): Promise<void> {
  const { t, orm } = db;
  const users = await orm
    .insert(t.users)
    .values(['alice', 'bob', 'carol', 'lead'].map((name) => ({ name, role: name === 'lead' ? ('lead' as const) : ('annotator' as const) })))
    .returning();
  const user = (name: string) => users.find((u) => u.name === name)!.id;
  const [project] = await orm.insert(t.projects).values({ name: EXPORT_PROJECT, overlap: 2, taxonomy: ['calculation'], settings: {} }).returning();
  const projectId = project!.id;
  await orm.insert(t.images).values({ sha256: IMAGE_SHA, mime: 'image/png', width: 10, height: 10, bytes: IMAGE_BYTES.length, data: IMAGE_BYTES });

  const problem = async (externalId: string, question: string, withImage = false) => {
    const [row] = await orm.insert(t.problems).values({ projectId, externalId, question }).returning();
    if (withImage) await orm.insert(t.problemImages).values({ problemId: row!.id, position: 0, imageSha256: IMAGE_SHA });
    return row!.id;
  };
  const solution = async (problemId: number, externalId: string, round: number, finalAnswer: string | null = '42') => {
    const steps = [1, 2, 3].map((k) => `${externalId}: step ${k}`);
    const [row] = await orm.insert(t.solutions).values({ projectId, problemId, externalId, model: 'm', round, steps, finalAnswer }).returning();
    return row!.id;
  };
  const annotate = async (solutionId: number, name: string, minute: number, fields: Fields, status: 'submitted' | 'draft' = 'submitted') => {
    const at = new Date(Date.UTC(2025, 0, 1, 0, minute));
    await orm.insert(t.annotations).values({
      solutionId, annotatorId: user(name), status, version: 1, regions: [], ...fields, submittedAt: status === 'submitted' ? at : null, updatedAt: at,
    });
  };
  const both = async (solutionId: number, fields: Fields) => {
    await annotate(solutionId, 'alice', 1, fields);
    await annotate(solutionId, 'bob', 2, fields);
  };
  const judgeByOrm = async (solutionId: number, status: 'CORRECT' | 'WRONG', score: number, errorStepIndex: number | null) => {
    await orm.insert(t.ormJudgments).values({
      solutionId, model: 'orm-v1', status, score, errorStepIndex,
      errorStep: errorStepIndex === null ? null : `Step ${errorStepIndex + 1}`,
      errorAnalysis: 'orm analysis', improvementSuggestion: 'orm suggestion',
    });
  };
  const correct: Fields = { verdict: 'correct' };

  const geo = await problem('geo', 'In the figure, find $x$.', true);
  await both(await solution(geo, 'geo-r1-a', 1), correct);
  const geoB = await solution(geo, 'geo-r2-b', 2);
  await judgeByOrm(geoB, 'WRONG', 0.1, 0);
  await annotate(geoB, 'alice', 1, { verdict: 'incorrect', firstErrorStep: 2, errorType: 'calculation', errorAnalysis: 'human analysis', improvementSuggestion: 'human suggestion' });
  await annotate(geoB, 'bob', 2, { verdict: 'incorrect', firstErrorStep: 2, errorAnalysis: 'bob analysis' });
  await both(await solution(geo, 'geo-r2-c', 2), correct);
  await both(await solution(geo, 'geo-r2-d', 2), correct);

  const split = await problem('split', 'Is $2$ prime?');
  const splitA = await solution(split, 'split-a', 0);
  await annotate(splitA, 'alice', 1, correct);
  await annotate(splitA, 'bob', 2, { verdict: 'incorrect', firstErrorStep: 0 });
  const splitB = await solution(split, 'split-b', 0);
  await both(splitB, correct);
  await orm.insert(t.adjudications).values({
    solutionId: splitB, adjudicatorId: user('lead'), version: 1, regions: [], verdict: 'incorrect', firstErrorStep: 0,
    errorAnalysis: 'lead analysis', correctedSolution: ['Fixed step one.', 'Fixed step two.'], reason: 'annotators missed it',
  });

  await both(await solution(await problem('bad', 'Unanswerable.'), 'bad-a', 0), { badProblem: true });

  const few = await problem('few', 'What is $6 \\times 7$?');
  const fewA = await solution(few, 'few-a', 0);
  await annotate(fewA, 'alice', 1, correct);
  await annotate(fewA, 'carol', 3, correct, 'draft');
  await judgeByOrm(fewA, 'CORRECT', 0.9, null);
  await judgeByOrm(await solution(few, 'none-a', 0), 'WRONG', 0.6, 1);

  await both(await solution(await problem('lonely', 'Solve $x + 1 = 2$.'), 'lonely-a', 0), { verdict: 'incorrect', firstErrorStep: 1, errorAnalysis: 'off by one' });
  await both(await solution(await problem('noanswer', 'Simplify.'), 'noanswer-a', 0, null), correct);

  for (let i = 1; i <= 10; i += 1) {
    const ext = `f${String(i).padStart(2, '0')}`;
    const question = i === 2 ? 'What does the literal text <image> mean here?' : `Filler question ${i}.`;
    const id = await problem(ext, question, i === 1);
    await both(await solution(id, `${ext}-a`, 0), correct);
    await both(await solution(id, `${ext}-b`, 0), correct);
  }
}
