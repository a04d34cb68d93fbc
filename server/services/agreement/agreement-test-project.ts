import type { Database } from '../../db/connection';
import { createProject } from '../projects';
import { seedUser } from '../../test/seed';

export const AGREEMENT_PROJECT = 'agr';

type V = 'C' | 'I';
/** [annotator, verdict, first error step (I only), error type, time ms, step ratings?] */
type Label = [string, V, number | null, string | null, number, Array<-1 | 0 | 1 | null>?];

/**
 * The hand-checked project of the agreement tests (overlap 2): problems P1–P4 (P1, P2 algebra;
 * P3, P4 geometry), each with one 4-step solution in round 0 (s1–s4) and one in round 1 (s5–s8);
 * annotators ann, bob, cat; lead lea adjudicates s4 (incorrect at step 0, knowledge, QC) and s8
 * (correct); bob's draft on s8 must not count. Verdict table (C correct, I@k incorrect at step k):
 *
 *        ann      bob      cat      gold     ORM (latest)
 *   s1   C        C        C                 CORRECT (an older model said WRONG)
 *   s2   I@1 calc I@1 calc C                 WRONG@1
 *   s3   I@2 reas I@3 reas I@2 calc          WRONG@1
 *   s4   C        I@0 know          I@0 know  CORRECT
 *   s5   C                 C                 CORRECT
 *   s6            I@2 calc I@2 reas          WRONG@2
 *   s7   C        C        I@1 reas          WRONG@0
 *   s8   I@0 calc (draft)  C        C        CORRECT
 *
 * Step ratings on s1 (ann, bob) and s3 (all three). Submission times increase in the order of the
 * table, row by row, ann before bob before cat.
 */
export async function seedAgreementProject(db: Database): Promise<{ solutionIds: number[] }> {
  for (const name of ['ann', 'bob', 'cat']) await seedUser(db, name);
  await seedUser(db, 'lea', 'lead');
  await seedUser(db, 'rex', 'researcher');
  const project = await createProject(db, AGREEMENT_PROJECT, { overlap: 2 }, null);
  const users = new Map((await db.orm.select({ id: db.t.users.id, name: db.t.users.name }).from(db.t.users)).map((u) => [u.name, u.id]));
  const id = (name: string) => users.get(name) as number;

  const labels: Label[][] = [
    [['ann', 'C', null, null, 1000, [1, 1, 1, 1]], ['bob', 'C', null, null, 10_000, [1, 1, 0, 1]], ['cat', 'C', null, null, 9000]],
    [['ann', 'I', 1, 'calculation', 2000], ['bob', 'I', 1, 'calculation', 20_000], ['cat', 'C', null, null, 9000]],
    [
      ['ann', 'I', 2, 'reasoning', 3000, [1, 1, -1, null]],
      ['bob', 'I', 3, 'reasoning', 30_000, [1, 1, 1, -1]],
      ['cat', 'I', 2, 'calculation', 9000, [1, 1, -1, -1]],
    ],
    [['ann', 'C', null, null, 4000], ['bob', 'I', 0, 'knowledge', 40_000]],
    [['ann', 'C', null, null, 5000], ['cat', 'C', null, null, 9000]],
    [['bob', 'I', 2, 'calculation', 50_000], ['cat', 'I', 2, 'reasoning', 9000]],
    [['ann', 'C', null, null, 6000], ['bob', 'C', null, null, 60_000], ['cat', 'I', 1, 'reasoning', 9000]],
    [['ann', 'I', 0, 'calculation', 7000], ['cat', 'C', null, null, 9000]],
  ];
  const orm: Array<[status: 'CORRECT' | 'WRONG', step: number | null]> = [
    ['CORRECT', null], ['WRONG', 1], ['WRONG', 1], ['CORRECT', null], ['CORRECT', null], ['WRONG', 2], ['WRONG', 0], ['CORRECT', null],
  ];
  const solutionIds: number[] = [];
  let clock = Date.parse('2031-01-01T00:00:00Z');
  const at = () => new Date((clock += 60_000));
  await db.transaction(async (tx) => {
    const problemIds: number[] = [];
    for (let p = 1; p <= 4; p++) {
      const [problem] = await tx.insert(db.t.problems).values({
        projectId: project.id, externalId: `P${p}`, question: `Question ${p}`, subject: p <= 2 ? 'algebra' : 'geometry',
      }).returning({ id: db.t.problems.id });
      problemIds.push(problem?.id as number);
    }
    for (let s = 0; s < 8; s++) {
      const [solution] = await tx.insert(db.t.solutions).values({
        projectId: project.id, problemId: problemIds[s % 4] as number, externalId: `s${s + 1}`, model: s < 4 ? 'gen-a' : 'gen-b',
        round: s < 4 ? 0 : 1, steps: ['a', 'b', 'c', 'd'],
      }).returning({ id: db.t.solutions.id });
      const solutionId = solution?.id as number;
      solutionIds.push(solutionId);
      for (const [name, verdict, step, errorType, timeSpentMs, stepRatings] of labels[s] ?? []) {
        await tx.insert(db.t.annotations).values({
          solutionId, annotatorId: id(name), status: 'submitted', version: 1, verdict: verdict === 'C' ? 'correct' : 'incorrect',
          firstErrorStep: step, errorType, stepRatings: stepRatings ?? null, regions: [], timeSpentMs, submittedAt: at(),
        });
      }
      const [status, errorStepIndex] = orm[s] as [string, number | null];
      if (s === 0) {
        await tx.insert(db.t.ormJudgments).values({ solutionId, model: 'old-orm', status: 'WRONG', errorStepIndex: 2, createdAt: new Date(clock - 86_400_000) });
      }
      await tx.insert(db.t.ormJudgments).values({ solutionId, model: 'orm-v2', status: status as 'CORRECT' | 'WRONG', errorStepIndex, createdAt: at() });
    }
    const [s4, s8] = [solutionIds[3] as number, solutionIds[7] as number];
    await tx.insert(db.t.annotations).values({
      solutionId: s8, annotatorId: id('bob'), status: 'draft', version: 1, verdict: 'incorrect', firstErrorStep: 1, regions: [], timeSpentMs: 99_000,
    });
    await tx.insert(db.t.adjudications).values({
      solutionId: s4, adjudicatorId: id('lea'), version: 1, verdict: 'incorrect', firstErrorStep: 0, errorType: 'knowledge', regions: [], qc: true,
    });
    await tx.insert(db.t.adjudications).values({ solutionId: s8, adjudicatorId: id('lea'), version: 1, verdict: 'correct', regions: [], qc: false });
  });
  return { solutionIds };
}
