import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssignmentStrategy } from '../../shared/constants';
import { buildApp, type App } from '../app';
import { queueOrder, type QueueCandidate } from '../domain/queue/order';
import { signIn, type Caller } from '../test/app-client';
import { useTestDatabase } from '../test/hooks';
import { seedProject, seedUser, TEST_PASSWORD } from '../test/seed';

// The order annotators receive is checked against domain/queue/order.ts, the strategies'
// documented keys, computed in JavaScript from what the database holds: the SQL in
// services/queue.ts must agree with it on both dialects.

const t = useTestDatabase();
let app: App;
let clock = new Date('2026-02-01T09:00:00Z');
const callers = new Map<string, Caller>();
const ANNOTATORS = ['amy', 'bob', 'cyd', 'dan', 'eve', 'fay'];

beforeAll(async () => {
  app = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false }, now: () => clock });
  for (const name of ANNOTATORS) await seedUser(t.db, name);
  for (const name of ANNOTATORS) callers.set(name, await signIn(app, name, TEST_PASSWORD));
});
afterAll(async () => app?.close());

const as = (name: string) => callers.get(name)!;

async function next(name: string, project: string): Promise<number | null> {
  const res = await as(name).post(`/api/projects/${project}/queue/next`);
  if (res.statusCode === 204) return null;
  expect(res.statusCode).toBe(200);
  return res.json().solution.id as number;
}

/** Everything the queue offers this annotator, in order: take one, skip it, ask again. */
async function drain(name: string, project: string): Promise<number[]> {
  const seen: number[] = [];
  for (let id = await next(name, project); id !== null; id = await next(name, project)) {
    seen.push(id);
    expect((await as(name).post(`/api/solutions/${id}/skip`)).statusCode).toBe(204);
    if (seen.length > 100) throw new Error('the queue does not end');
  }
  return seen;
}

async function setStrategy(projectId: number, assignment: AssignmentStrategy, seed?: number): Promise<void> {
  const { projects } = t.db.t;
  const [row] = await t.db.orm.select({ settings: projects.settings }).from(projects).where(eq(projects.id, projectId));
  const settings = seed === undefined ? row!.settings : { ...row!.settings, seed };
  await t.db.transaction((tx) => tx.update(projects).set({ assignment, settings }).where(eq(projects.id, projectId)));
}

/** The project's solutions as the domain sees them: ORM signals and submitted labels. */
async function candidates(projectId: number): Promise<QueueCandidate[]> {
  const { solutions, ormJudgments, annotations } = t.db.t;
  const rows = await t.db.orm.select({ id: solutions.id }).from(solutions).where(eq(solutions.projectId, projectId)).orderBy(asc(solutions.id));
  const orm = await t.db.orm.select().from(ormJudgments);
  const labels = await t.db.orm.select().from(annotations).where(eq(annotations.status, 'submitted'));
  return rows.map(({ id }) => ({
    id,
    orm: orm.filter((j) => j.solutionId === id).map((j) => ({ score: j.score, stepUnclear: j.stepUnclear })),
    submitted: labels.filter((a) => a.solutionId === id).map((a) => ({ verdict: a.verdict, firstErrorStep: a.firstErrorStep })),
  }));
}

const submission = (verdict: 'correct' | 'incorrect', firstErrorStep: number | null) => ({
  verdict, firstErrorStep, stepRatings: null, errorType: null, errorAnalysis: '', improvementSuggestion: '',
  correctedSolution: null, regions: [], flags: { badProblem: false, unsure: false }, timeSpentMs: 0, status: 'submitted', version: 0,
});

async function submit(name: string, solutionId: number, verdict: 'correct' | 'incorrect', firstErrorStep: number | null = null) {
  const res = await as(name).put(`/api/solutions/${solutionId}/annotation`, submission(verdict, firstErrorStep));
  expect(res.statusCode).toBe(200);
}

describe('ordered', () => {
  it('offers solutions in import order (solution id)', async () => {
    const { project, solutionIds } = await seedProject(t.db, { name: 'st-ordered', problems: 8, members: ['amy'] });
    expect(await drain('amy', 'st-ordered')).toEqual(queueOrder('ordered', 0, await candidates(project.id)));
    expect(queueOrder('ordered', 0, await candidates(project.id))).toEqual(solutionIds);
  });
});

describe('random (seeded)', () => {
  let projectId: number;
  let ids: number[];

  beforeAll(async () => {
    const seeded = await seedProject(t.db, { name: 'st-random', problems: 30, members: ANNOTATORS });
    projectId = seeded.project.id;
    ids = seeded.solutionIds;
    await setStrategy(projectId, 'random', 7);
  });

  it('offers the order of the key randomKey(seed, id), not import order', async () => {
    const order = await drain('amy', 'st-random');
    expect(order).toEqual(queueOrder('random', 7, await candidates(projectId)));
    expect([...order].sort((a, b) => a - b)).toEqual(ids);
    expect(order).not.toEqual(ids);
  });

  it('is reproducible: the same seed gives another annotator the same order', async () => {
    expect(await drain('bob', 'st-random')).toEqual(queueOrder('random', 7, await candidates(projectId)));
  });

  it('gives another seed another order', async () => {
    await setStrategy(projectId, 'random', 8);
    const order = await drain('cyd', 'st-random');
    expect(order).toEqual(queueOrder('random', 8, await candidates(projectId)));
    expect(order).not.toEqual(queueOrder('random', 7, await candidates(projectId)));
  });

  it('treats a missing seed as 0', async () => {
    await setStrategy(projectId, 'random');
    const { projects } = t.db.t;
    await t.db.transaction((tx) => tx.update(projects).set({ settings: {} }).where(eq(projects.id, projectId)));
    expect(await drain('dan', 'st-random')).toEqual(queueOrder('random', 0, await candidates(projectId)));
  });

  it('puts a lapsed lease back in its place in the order (the test moves the clock)', async () => {
    await setStrategy(projectId, 'random', 7);
    const order = queueOrder('random', 7, await candidates(projectId));
    const { projects } = t.db.t;
    await t.db.transaction((tx) => tx.update(projects).set({ overlap: 1 }).where(eq(projects.id, projectId)));
    expect(await next('eve', 'st-random')).toBe(order[0]);
    expect(await next('fay', 'st-random')).toBe(order[1]); // eve's lease holds the first
    clock = new Date(clock.getTime() + 31 * 60_000); // both leases lapse (30 minutes)
    expect(await next('fay', 'st-random')).toBe(order[0]);
    expect(await next('eve', 'st-random')).toBe(order[1]);
  });
});

describe('orm-uncertain-first', () => {
  it('offers an unclear ORM step first, then the score nearest 0.5 (no score = 0.5), then id', async () => {
    const { project, solutionIds: s } = await seedProject(t.db, { name: 'st-orm', problems: 10, members: ['amy'] });
    const { ormJudgments } = t.db.t;
    // One judgment per solution from seedProject (score 0.2); reshape them.
    const plan: Array<[number, number | null, boolean]> = [
      [0, 0.9, false], [1, 0.45, false], [2, 0.95, true], [4, null, false], [5, 0.75, false],
      [6, 0.25, false], [7, 0.1, false], [8, null, true], [9, 0.5, false],
    ];
    await t.db.transaction(async (tx) => {
      for (const [i, score, stepUnclear] of plan) {
        await tx.update(ormJudgments).set({ score, stepUnclear }).where(eq(ormJudgments.solutionId, s[i]!));
      }
      await tx.delete(ormJudgments).where(eq(ormJudgments.solutionId, s[3]!)); // no judgment at all
      // A second ORM on solution 7: the least sure of the two counts (|0.6 − 0.5| < |0.1 − 0.5|).
      await tx.insert(ormJudgments).values({ solutionId: s[7]!, model: 'orm-2', status: 'CORRECT', score: 0.6 });
    });
    await setStrategy(project.id, 'orm-uncertain-first');
    const order = await drain('amy', 'st-orm');
    expect(order).toEqual([8, 2, 3, 4, 9, 1, 7, 5, 6, 0].map((i) => s[i]));
    expect(order).toEqual(queueOrder('orm-uncertain-first', 0, await candidates(project.id)));
  });
});

describe('disagreement-first', () => {
  it('gives a solution whose submitted labels split its next annotator before untouched ones', async () => {
    const { project, solutionIds: s } = await seedProject(t.db, { name: 'st-split', overlap: 3, problems: 6, members: ANNOTATORS });
    await setStrategy(project.id, 'disagreement-first');
    await submit('amy', s[3]!, 'correct');
    await submit('bob', s[3]!, 'incorrect', 1); // split verdicts
    await submit('amy', s[4]!, 'incorrect', 1);
    await submit('bob', s[4]!, 'incorrect', 1); // agreed
    await submit('amy', s[5]!, 'incorrect', 0);
    await submit('bob', s[5]!, 'incorrect', 2); // same verdict, different first error step
    const order = await drain('cyd', 'st-split');
    expect(order).toEqual([3, 5, 0, 1, 2, 4].map((i) => s[i]));
    expect(order).toEqual(queueOrder('disagreement-first', 0, await candidates(project.id)));
  });

  it('serves the rest in id order, and a split solution with all its annotators is not offered', async () => {
    const { project, solutionIds: s } = await seedProject(t.db, { name: 'st-split-full', overlap: 3, problems: 4, members: ANNOTATORS });
    await setStrategy(project.id, 'disagreement-first');
    await submit('amy', s[2]!, 'correct');
    await submit('bob', s[2]!, 'incorrect', 0);
    expect(await next('cyd', 'st-split-full')).toBe(s[2]);
    await submit('cyd', s[2]!, 'correct'); // three labels: full
    expect(await next('dan', 'st-split-full')).toBe(s[0]);
  });

  it('is import order while nothing splits', async () => {
    const { solutionIds } = await seedProject(t.db, { name: 'st-split-none', overlap: 3, problems: 5, members: ['amy'] });
    const [row] = await t.db.orm.select({ id: t.db.t.projects.id }).from(t.db.t.projects).where(eq(t.db.t.projects.name, 'st-split-none'));
    await setStrategy(row!.id, 'disagreement-first');
    expect(await drain('amy', 'st-split-none')).toEqual(solutionIds);
  });
});
