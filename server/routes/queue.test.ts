import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app';
import { signIn, type Caller } from '../test/app-client';
import { useTestDatabase } from '../test/hooks';
import { seedProject, seedUser, TEST_PASSWORD, type SeededProject } from '../test/seed';

const t = useTestDatabase();
let app: App;
let seeded: SeededProject;
let clock = new Date('2026-01-01T09:00:00Z');
const advance = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};
const callers: Record<string, Caller> = {};
const draft = {
  verdict: 'incorrect', firstErrorStep: 1, stepRatings: null, errorType: null, errorAnalysis: 'half done',
  improvementSuggestion: '', correctedSolution: null, regions: [], flags: { badProblem: false, unsure: false }, timeSpentMs: 0,
};

beforeAll(async () => {
  // The clock is the test's: lease expiry is tested by moving it, never by sleeping.
  app = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false }, now: () => clock });
  for (const name of ['ann', 'ben', 'cat']) await seedUser(t.db, name);
  seeded = await seedProject(t.db, { name: 'q', overlap: 1, problems: 3, members: ['ann', 'ben', 'cat'] });
  for (const name of ['ann', 'ben', 'cat']) callers[name] = await signIn(app, name, TEST_PASSWORD);
});
afterAll(async () => app?.close());

const next = async (name: string) => {
  const res = await callers[name]!.post('/api/projects/q/queue/next');
  return res.statusCode === 204 ? null : (res.json().solution.id as number);
};

describe('leases and skips with overlap 1', () => {
  it('never hands a leased solution to a second annotator', async () => {
    expect(await next('ann')).toBe(seeded.solutionIds[0]);
    expect(await next('ben')).toBe(seeded.solutionIds[1]);
    expect(await next('cat')).toBe(seeded.solutionIds[2]);
  });

  it('shows the caller their lease on the solution view', async () => {
    const view = (await callers.ann!.get(`/api/solutions/${seeded.solutionIds[0]}`)).json();
    expect(Date.parse(view.lease.expiresAt)).toBe(clock.getTime() + 30 * 60_000);
    const other = (await callers.ben!.get(`/api/solutions/${seeded.solutionIds[0]}`)).json();
    expect(other.lease).toBeNull();
  });

  it('renews the lease when a draft is saved, so activity keeps the solution', async () => {
    advance(20);
    const put = await callers.ann!.put(`/api/solutions/${seeded.solutionIds[0]}/annotation`, { ...draft, status: 'draft', version: 0 });
    expect(put.statusCode).toBe(200);
    advance(20); // 40 min after taking it, 20 after the draft: still ann's; ben's and cat's have lapsed.
    expect(await next('cat')).toBe(seeded.solutionIds[1]);
    const view = (await callers.ann!.get(`/api/solutions/${seeded.solutionIds[0]}`)).json();
    expect(view.lease).not.toBeNull();
  });

  it('gives a lapsed lease to someone else, and keeps the late annotator from filling a full solution', async () => {
    advance(31); // 10:11: ann's lease (renewed at 09:20) lapsed at 09:50, cat's on solution 2 at 10:10.
    const dave = await seedUser(t.db, 'dave');
    expect(dave.name).toBe('dave');
    const { addMembers } = await import('../services/members');
    await addMembers(t.db, 'q', ['dave'], null);
    callers.dave = await signIn(app, 'dave', TEST_PASSWORD);
    expect(await next('dave')).toBe(seeded.solutionIds[0]);
    // ann's draft on solution 1 stays stored, but dave now holds its only slot: ann gets other work.
    expect(await next('ann')).toBe(seeded.solutionIds[1]);
    const late = await callers.ann!.put(`/api/solutions/${seeded.solutionIds[0]}/annotation`, { ...draft, status: 'submitted', version: 1 });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('NOT_ASSIGNED');
    const kept = await callers.ann!.put(`/api/solutions/${seeded.solutionIds[0]}/annotation`, { ...draft, errorAnalysis: 'more', status: 'draft', version: 1 });
    expect(kept.statusCode).toBe(200);
  });

  it('puts a skipped solution back for others and never offers it to the skipper again', async () => {
    const skip = await callers.cat!.post(`/api/solutions/${seeded.solutionIds[2]}/skip`);
    expect(skip.statusCode).toBe(204);
    expect(await next('ben')).toBe(seeded.solutionIds[2]);
    expect(await next('cat')).toBeNull(); // 1 is dave's, 2 is ann's, 3 was skipped
    const row = await t.db.orm.select().from(t.db.t.queueSkips);
    expect(row).toEqual([expect.objectContaining({ solutionId: seeded.solutionIds[2] })]);
  });

  it('refuses to skip what was already submitted', async () => {
    const id = seeded.solutionIds[2]!;
    const put = await callers.ben!.put(`/api/solutions/${id}/annotation`, { ...draft, status: 'submitted', version: 0 });
    expect(put.statusCode).toBe(200);
    const skip = await callers.ben!.post(`/api/solutions/${id}/skip`);
    expect(skip.statusCode).toBe(409);
    expect(skip.json().code).toBe('NOT_ASSIGNED');
  });
});
