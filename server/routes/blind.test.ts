import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app';
import { makePng } from '../services/import/test-files';
import { sessionCaller, type AnyCaller } from '../test/callers';
import { useTestDatabase } from '../test/hooks';
import { seedProject, seedUser, type SeededProject } from '../test/seed';

/**
 * Outcome 4 of the teams issue: an annotator never learns another annotator's labels, their
 * count or their existence, through any route. alice labels first; bob, in the same project
 * with overlap 2, probes everything he can reach, and nothing of alice's may come back.
 */
const t = useTestDatabase();
let app: App;
let seeded: SeededProject;
let alice: AnyCaller;
let bob: AnyCaller;
let sha256: string;
const SECRET = 'ALICE-SECRET-ANALYSIS';
const label = {
  verdict: 'incorrect', firstErrorStep: 2, stepRatings: null, errorType: 'knowledge', errorAnalysis: SECRET,
  improvementSuggestion: `${SECRET} suggestion`, correctedSolution: null, regions: [], flags: { badProblem: false, unsure: true }, timeSpentMs: 987_654,
};
const bobs = { ...label, errorAnalysis: 'bob thinks', improvementSuggestion: '', timeSpentMs: 10 };
const seen: LightMyRequestResponse[] = [];
const probe = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
  const res = await bob.send(method, url, payload);
  seen.push(res);
  return res;
};

beforeAll(async () => {
  app = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false } });
  await seedUser(t.db, 'alice');
  await seedUser(t.db, 'bob');
  seeded = await seedProject(t.db, { name: 'blind', overlap: 2, problems: 2, members: ['alice', 'bob'] });
  const png = makePng(4, 3);
  sha256 = createHash('sha256').update(png).digest('hex');
  const [solution] = await t.db.orm.select().from(t.db.t.solutions).where(eq(t.db.t.solutions.id, seeded.solutionIds[0]!));
  await t.db.transaction(async (tx) => {
    await tx.insert(t.db.t.images).values({ sha256, mime: 'image/png', width: 4, height: 3, bytes: png.length, data: png });
    await tx.insert(t.db.t.problemImages).values({ problemId: solution!.problemId, position: 0, imageSha256: sha256 });
  });
  alice = await sessionCaller(app, t.db, 'alice', new Date());
  bob = await sessionCaller(app, t.db, 'bob', new Date());
  const [s0, s1] = seeded.solutionIds as [number, number];
  expect((await alice.send('POST', '/api/projects/blind/queue/next')).json().solution.id).toBe(s0);
  expect((await alice.send('PUT', `/api/solutions/${s0}/annotation`, { ...label, status: 'submitted', version: 0 })).statusCode).toBe(200);
  expect((await alice.send('POST', '/api/projects/blind/queue/next')).json().solution.id).toBe(s1);
  expect((await alice.send('PUT', `/api/solutions/${s1}/annotation`, { ...label, status: 'draft', version: 0 })).statusCode).toBe(200);
});
afterAll(async () => app?.close());

describe('blind labelling', () => {
  it('gives bob the solution alice labelled with no trace of her label', async () => {
    const next = await probe('POST', '/api/projects/blind/queue/next');
    expect(Object.keys(next.json()).sort()).toEqual(['lease', 'solution']);
    expect(Object.keys(next.json().solution).sort()).toEqual(['externalId', 'id']);
    const view = (await probe('GET', `/api/solutions/${seeded.solutionIds[0]}`)).json();
    expect(view.annotation).toBeNull();
    expect(view).not.toHaveProperty('annotations');
    expect(view).not.toHaveProperty('adjudication');
    expect((await probe('GET', `/api/solutions/${seeded.solutionIds[1]}`)).json().annotation).toBeNull();
  });

  it('answers a stale write with bob\'s own annotation only, never alice\'s', async () => {
    const url = `/api/solutions/${seeded.solutionIds[0]}/annotation`;
    const first = await probe('PUT', url, { ...bobs, status: 'draft', version: 0 });
    expect(first.statusCode).toBe(200);
    const stale = await probe('PUT', url, { ...bobs, errorAnalysis: 'bob again', status: 'draft', version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.errorAnalysis).toBe('bob thinks');
  });

  it('shows project counts as bob\'s own work and a project-wide aggregate only', async () => {
    const list = (await probe('GET', '/api/projects')).json().projects;
    const project = (await probe('GET', '/api/projects/blind')).json().project;
    expect(list[0].counts).toEqual(project.counts);
    // complete: solutions with k submitted labels, over the whole project; mine: bob's own.
    expect(Object.keys(project.counts).sort()).toEqual(['complete', 'mine', 'problems', 'solutions']);
    expect(project.counts).toEqual({ problems: 2, solutions: 2, complete: 0, mine: 0 });
  });

  it('refuses bob every route that shows other people\'s work', async () => {
    const id = seeded.solutionIds[0];
    for (const url of [
      '/api/projects/blind/progress', `/api/solutions/${id}/history`, '/api/audit', '/api/audit?project=blind',
      '/api/projects/blind/members', '/api/users', '/api/users/alice/tokens',
    ]) {
      const res = await probe('GET', url);
      expect(res.statusCode, url).toBe(403);
    }
  });

  it('serves images as bytes only', async () => {
    const res = await probe('GET', `/api/images/${sha256}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
  });

  it('let nothing of alice\'s through in any answer', () => {
    expect(seen.length).toBeGreaterThan(10);
    for (const res of seen) {
      expect(res.body).not.toContain(SECRET);
      expect(res.body).not.toContain('alice');
      expect(res.body).not.toContain('987654');
    }
  });
});
