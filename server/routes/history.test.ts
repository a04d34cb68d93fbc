import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app';
import { sessionCaller, type AnyCaller } from '../test/callers';
import { useTestDatabase } from '../test/hooks';
import { seedProject, seedUser, type SeededProject } from '../test/seed';

const t = useTestDatabase();
let app: App;
let seeded: SeededProject;
const callers: Record<string, AnyCaller> = {};
const label = {
  verdict: 'incorrect', firstErrorStep: 1, stepRatings: null, errorType: 'calculation', errorAnalysis: '',
  improvementSuggestion: '', correctedSolution: null, regions: [], flags: { badProblem: false, unsure: false }, timeSpentMs: 0,
};

beforeAll(async () => {
  // The real clock: queue.skip's audit entry is stamped by it, and the history is ordered by time.
  app = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false } });
  for (const name of ['ann', 'ben']) await seedUser(t.db, name);
  await seedUser(t.db, 'lea', 'lead');
  await seedUser(t.db, 'rita', 'researcher');
  seeded = await seedProject(t.db, { name: 'hist', overlap: 2, problems: 2, members: ['ann', 'ben'] });
  for (const name of ['ann', 'ben', 'lea', 'rita']) callers[name] = await sessionCaller(app, t.db, name, new Date());
});
afterAll(async () => app?.close());

describe('a solution\'s history', () => {
  it('lists every revision of every annotator, adjudications and audit entries, oldest first', async () => {
    const id = seeded.solutionIds[0]!;
    const url = `/api/solutions/${id}/annotation`;
    const put = (name: string, body: object) => callers[name]!.send('PUT', url, { ...label, ...body });
    expect((await put('ann', { errorAnalysis: 'first thought', status: 'draft', version: 0, timeSpentMs: 100 })).statusCode).toBe(200);
    expect((await put('ann', { errorAnalysis: 'second thought', status: 'draft', version: 1, timeSpentMs: 200 })).statusCode).toBe(200);
    expect((await put('ben', { errorAnalysis: 'ben was here', status: 'draft', version: 0 })).statusCode).toBe(200);
    expect((await put('ann', { errorAnalysis: 'final', status: 'submitted', version: 2, timeSpentMs: 300 })).statusCode).toBe(200);
    expect((await callers.ben!.send('POST', `/api/solutions/${id}/skip`)).statusCode).toBe(204);
    // No adjudication route yet: a gold label written as the adjudication service will write it.
    const lea = (await t.db.orm.select().from(t.db.t.users)).find((u) => u.name === 'lea')!;
    const later = new Date(Date.now() + 1000);
    await t.db.transaction(async (tx) => {
      const [adj] = await tx.insert(t.db.t.adjudications).values({
        solutionId: id, adjudicatorId: lea.id, version: 1, verdict: 'incorrect', firstErrorStep: 1, regions: [], reason: 'ann is right',
      }).returning();
      await tx.insert(t.db.t.adjudicationRevisions).values({
        adjudicationId: adj!.id, version: 1, snapshot: { verdict: 'incorrect', reason: 'ann is right' }, actorId: lea.id, createdAt: later,
      });
    });

    const res = await callers.lea!.send('GET', `/api/solutions/${id}/history`);
    expect(res.statusCode).toBe(200);
    const entries = res.json().entries as { at: string; actor: string; kind: string; action: string; annotator: string | null; snapshot: Record<string, unknown> | null }[];
    expect(entries.map((e) => [e.kind, e.action, e.annotator ?? e.actor])).toEqual([
      ['annotation', 'draft v1', 'ann'],
      ['annotation', 'draft v2', 'ann'],
      ['annotation', 'draft v1', 'ben'],
      ['annotation', 'submitted v3', 'ann'],
      ['audit', 'queue.skip', 'ben'],
      ['adjudication', 'adjudication v1', 'lea'],
    ]);
    expect(entries[0]!.snapshot).toMatchObject({ errorAnalysis: 'first thought', timeSpentMs: 100, verdict: 'incorrect' });
    expect(entries[3]!.snapshot).toMatchObject({ errorAnalysis: 'final', timeSpentMs: 300 });
    expect(entries[3]!.actor).toBe('ann');
    expect(entries[5]!.snapshot).toEqual({ verdict: 'incorrect', reason: 'ann is right' });
    const times = entries.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('is empty for an untouched solution, 404 for an unknown one, and for leads and admins only', async () => {
    expect((await callers.lea!.send('GET', `/api/solutions/${seeded.solutionIds[1]}/history`)).json()).toEqual({ entries: [] });
    expect((await callers.lea!.send('GET', '/api/solutions/999999/history')).statusCode).toBe(404);
    for (const name of ['ann', 'rita']) {
      expect((await callers[name]!.send('GET', `/api/solutions/${seeded.solutionIds[0]}/history`)).statusCode).toBe(403);
    }
  });
});
