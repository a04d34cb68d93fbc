import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app';
import { sessionCaller, type AnyCaller } from '../test/callers';
import { useTestDatabase } from '../test/hooks';
import { seedProject, seedUser, type SeededProject } from '../test/seed';

const t = useTestDatabase();
let app: App;
let seeded: SeededProject;
let clock = new Date('2031-05-01T09:00:00Z');
const tick = () => {
  clock = new Date(clock.getTime() + 60_000);
  return clock.toISOString();
};
const callers: Record<string, AnyCaller> = {};
const lastAction: Record<string, string> = {};
const label = {
  verdict: 'incorrect', firstErrorStep: 1, stepRatings: null, errorType: 'calculation', errorAnalysis: 'off by one',
  improvementSuggestion: '', correctedSolution: null, regions: [], flags: { badProblem: false, unsure: false },
};

async function next(name: string): Promise<number | null> {
  lastAction[name] = tick();
  const res = await callers[name]!.send('POST', '/api/projects/prog/queue/next');
  return res.statusCode === 204 ? null : (res.json().solution.id as number);
}
async function save(name: string, id: number, status: 'draft' | 'submitted', timeSpentMs: number): Promise<void> {
  lastAction[name] = tick();
  const res = await callers[name]!.send('PUT', `/api/solutions/${id}/annotation`, { ...label, status, version: 0, timeSpentMs });
  expect(res.statusCode).toBe(200);
}

beforeAll(async () => {
  app = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false }, now: () => clock });
  for (const name of ['ann', 'ben', 'cat', 'dan']) await seedUser(t.db, name);
  await seedUser(t.db, 'lea', 'lead');
  seeded = await seedProject(t.db, { name: 'prog', overlap: 2, problems: 5, members: ['ann', 'ben', 'cat', 'dan'] });
  for (const name of ['ann', 'ben', 'cat', 'dan', 'lea']) callers[name] = await sessionCaller(app, t.db, name, clock);

  // k = 2 over s0…s4. ann submits s0 and s1 and drafts s2; ben submits s0, skips s1, holds s2;
  // cat submits s1 (the slot ben gave back) and then holds s3, since s2 is full; dan does nothing.
  const [s0, s1, s2, s3] = seeded.solutionIds as [number, number, number, number];
  expect(await next('ann')).toBe(s0);
  await save('ann', s0, 'submitted', 1000);
  expect(await next('ann')).toBe(s1);
  await save('ann', s1, 'submitted', 3000);
  expect(await next('ann')).toBe(s2);
  await save('ann', s2, 'draft', 500);
  expect(await next('ben')).toBe(s0);
  await save('ben', s0, 'submitted', 2000);
  expect(await next('ben')).toBe(s1);
  lastAction.ben = tick();
  expect((await callers.ben!.send('POST', `/api/solutions/${s1}/skip`)).statusCode).toBe(204);
  expect(await next('ben')).toBe(s2);
  expect(await next('cat')).toBe(s1);
  await save('cat', s1, 'submitted', 4000);
  expect(await next('cat')).toBe(s3);
});
afterAll(async () => app?.close());

describe('project progress', () => {
  it('counts done, in progress and remaining solutions and the annotations still needed', async () => {
    const res = await callers.lea!.send('GET', '/api/projects/prog/progress');
    expect(res.statusCode).toBe(200);
    expect(res.json().project).toEqual({
      solutions: 5, done: 2, inProgress: 2, remaining: 1, submittedAnnotations: 4, neededAnnotations: 10,
    });
  });

  it('reports each member\'s work, time and what is still open to them by the slot rule', async () => {
    const { annotators } = (await callers.lea!.send('GET', '/api/projects/prog/progress')).json();
    expect(annotators).toEqual([
      // s2 stays open to ann and ben (each holds one of its two slots) but is full for cat and dan;
      // s3 (cat holds one slot) and s4 are open to everyone.
      { name: 'ann', submitted: 2, drafts: 1, leased: 1, skipped: 0, remaining: 3, totalTimeMs: 4000, medianTimeMs: 2000, lastActiveAt: lastAction.ann },
      { name: 'ben', submitted: 1, drafts: 0, leased: 1, skipped: 1, remaining: 3, totalTimeMs: 2000, medianTimeMs: 2000, lastActiveAt: lastAction.ben },
      { name: 'cat', submitted: 1, drafts: 0, leased: 1, skipped: 0, remaining: 2, totalTimeMs: 4000, medianTimeMs: 4000, lastActiveAt: lastAction.cat },
      { name: 'dan', submitted: 0, drafts: 0, leased: 0, skipped: 0, remaining: 2, totalTimeMs: 0, medianTimeMs: null, lastActiveAt: null },
    ]);
  });

  it('frees slots when leases lapse', async () => {
    clock = new Date(clock.getTime() + 31 * 60_000);
    const { project, annotators } = (await callers.lea!.send('GET', '/api/projects/prog/progress')).json();
    // ann's draft keeps s2 in progress; s3 was only leased, so it is back to remaining.
    expect(project).toMatchObject({ done: 2, inProgress: 1, remaining: 2 });
    expect(annotators.map((a: { name: string; remaining: number; leased: number }) => [a.name, a.remaining, a.leased])).toEqual([
      ['ann', 3, 0], ['ben', 3, 0], ['cat', 3, 0], ['dan', 3, 0],
    ]);
  });

  it('is for leads and admins only, and 404s an unknown project', async () => {
    expect((await callers.ann!.send('GET', '/api/projects/prog/progress')).statusCode).toBe(403);
    expect((await callers.lea!.send('GET', '/api/projects/nope/progress')).statusCode).toBe(404);
  });
});
