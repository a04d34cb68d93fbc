import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app';
import { signIn, type Caller } from '../test/app-client';
import { useTestDatabase } from '../test/hooks';
import { seedProject, seedUser, TEST_PASSWORD, type SeededProject } from '../test/seed';

const t = useTestDatabase();
let app: App;
let seeded: SeededProject;
let alice: Caller;
let bob: Caller;

const correction = {
  verdict: 'incorrect', firstErrorStep: 0, stepRatings: null, errorType: 'calculation',
  errorAnalysis: 'Step 1 adds wrongly: $1 + 1 = 2$, not 3.', improvementSuggestion: 'Recompute the sum.',
  correctedSolution: null, regions: [], flags: { badProblem: false, unsure: false }, timeSpentMs: 1200,
};

beforeAll(async () => {
  app = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false } });
  for (const name of ['alice', 'bob', 'carol']) await seedUser(t.db, name);
  await seedUser(t.db, 'lead1', 'lead');
  seeded = await seedProject(t.db, { name: 'p1', overlap: 2, problems: 2, members: ['alice', 'bob'] });
  alice = await signIn(app, 'alice', TEST_PASSWORD);
  bob = await signIn(app, 'bob', TEST_PASSWORD);
});
afterAll(async () => app?.close());

describe('queue, solution view and annotation', () => {
  it('hides projects from annotators who are not members', async () => {
    const carol = await signIn(app, 'carol', TEST_PASSWORD);
    expect((await carol.get('/api/projects')).json().projects).toEqual([]);
    expect((await carol.post('/api/projects/p1/queue/next')).statusCode).toBe(404);
    expect((await carol.get(`/api/solutions/${seeded.solutionIds[0]}`)).statusCode).toBe(404);
  });

  it('leases the first solution and gives the same one back until it is submitted', async () => {
    const first = await alice.post('/api/projects/p1/queue/next');
    expect(first.statusCode).toBe(200);
    expect(first.json().solution.id).toBe(seeded.solutionIds[0]);
    expect(Date.parse(first.json().lease.expiresAt)).toBeGreaterThan(Date.now() + 29 * 60_000);
    const again = await alice.post('/api/projects/p1/queue/next');
    expect(again.json().solution.id).toBe(seeded.solutionIds[0]);
  });

  it('shows the problem, steps and ORM judgment, and no annotation yet', async () => {
    const res = await alice.get(`/api/solutions/${seeded.solutionIds[0]}`);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.solution.steps).toHaveLength(3);
    expect(view.orm[0]).toMatchObject({ status: 'WRONG', error_step: 'Step 2', error_step_index: 1 });
    expect(view.annotation).toBeNull();
    expect(view.annotations).toBeUndefined();
  });

  it('refuses an incomplete submission with the reasons, storing nothing', async () => {
    const res = await alice.put(`/api/solutions/${seeded.solutionIds[0]}/annotation`, {
      ...correction, firstErrorStep: null, status: 'submitted', version: 0,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().details.problems).toContain('firstErrorStep is required when the verdict is incorrect');
    expect(await t.db.orm.select().from(t.db.t.annotations)).toHaveLength(0);
  });

  it('saves a draft, then detects a stale version with 409 and the current annotation', async () => {
    const url = `/api/solutions/${seeded.solutionIds[0]}/annotation`;
    const draft = await alice.put(url, { ...correction, status: 'draft', version: 0 });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ status: 'draft', version: 1 });
    const stale = await alice.put(url, { ...correction, errorAnalysis: 'other tab', status: 'draft', version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', current: { version: 1, errorAnalysis: correction.errorAnalysis } });
  });

  it('submits, keeps every revision, and hands out the next solution', async () => {
    const url = `/api/solutions/${seeded.solutionIds[0]}/annotation`;
    const res = await alice.put(url, { ...correction, status: 'submitted', version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', version: 2, firstErrorStep: 0, errorType: 'calculation' });
    const [row] = await t.db.orm.select().from(t.db.t.annotations).where(eq(t.db.t.annotations.solutionId, seeded.solutionIds[0]!));
    expect(row).toMatchObject({ status: 'submitted', verdict: 'incorrect', firstErrorStep: 0, errorAnalysis: correction.errorAnalysis });
    expect(row!.submittedAt).toBeInstanceOf(Date);
    const revisions = await t.db.orm.select().from(t.db.t.annotationRevisions).where(eq(t.db.t.annotationRevisions.annotationId, row!.id));
    expect(revisions.map((r) => r.version).sort()).toEqual([1, 2]);
    const reread = await alice.get(`/api/solutions/${seeded.solutionIds[0]}`);
    expect(reread.json().annotation).toMatchObject({ status: 'submitted', version: 2, errorAnalysis: correction.errorAnalysis });
    const next = await alice.post('/api/projects/p1/queue/next');
    expect(next.json().solution.id).toBe(seeded.solutionIds[1]);
  });

  it('gives a second annotator the same solution while overlap allows, blind to the first label', async () => {
    const next = await bob.post('/api/projects/p1/queue/next');
    expect(next.json().solution.id).toBe(seeded.solutionIds[0]);
    const view = (await bob.get(`/api/solutions/${seeded.solutionIds[0]}`)).json();
    expect(view.annotation).toBeNull();
    expect(JSON.stringify(view)).not.toContain('adds wrongly');
  });

  it('shows leads every annotation', async () => {
    const lead = await signIn(app, 'lead1', TEST_PASSWORD);
    const view = (await lead.get(`/api/solutions/${seeded.solutionIds[0]}`)).json();
    expect(view.annotations).toEqual([expect.objectContaining({ annotator: 'alice', status: 'submitted' })]);
  });

  it('answers 204 when nothing is left for the annotator', async () => {
    const { annotations, leases } = t.db.t;
    // bob takes and submits both solutions; alice submits her second; then both queues are empty.
    for (const caller of [bob, alice]) {
      for (;;) {
        const next = await caller.post('/api/projects/p1/queue/next');
        if (next.statusCode === 204) break;
        const id = next.json().solution.id as number;
        const put = await caller.put(`/api/solutions/${id}/annotation`, { ...correction, status: 'submitted', version: 0 });
        expect(put.statusCode).toBe(200);
      }
    }
    const submitted = await t.db.orm.select().from(annotations).where(eq(annotations.status, 'submitted'));
    expect(submitted).toHaveLength(seeded.solutionIds.length * 2);
    expect(await t.db.orm.select().from(leases).where(and(eq(leases.projectId, seeded.project.id)))).toHaveLength(0);
  });

  it('validates bodies and ids with coded 400s naming the field', async () => {
    const res = await alice.put(`/api/solutions/${seeded.solutionIds[0]}/annotation`, { ...correction, verdict: 'maybe', status: 'draft', version: 2 });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().message).toContain('verdict');
    expect((await alice.get('/api/solutions/abc')).json().code).toBe('VALIDATION_FAILED');
    expect((await alice.get('/api/solutions/999999')).statusCode).toBe(404);
  });
});
