import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app';
import { randomKey } from '../domain/queue/random-key';
import { sessionCaller, type AnyCaller } from '../test/callers';
import { useTestDatabase } from '../test/hooks';
import { seedProject, seedUser } from '../test/seed';

/**
 * QC mixing (issue 6): rate 0.5 → period 2, so an annotator's 2nd, 4th, 6th… new item is a QC
 * item while one is left for them, blind, never one they labelled, even when the item is full.
 */
const t = useTestDatabase();
let app: App;
let ids: number[] = [];
const clock = new Date('2031-06-03T09:00:00Z');
const callers: Record<string, AnyCaller> = {};
const SEED = 7;

const label = {
  verdict: 'incorrect', firstErrorStep: 1, stepRatings: null, errorType: 'calculation', errorAnalysis: 'x',
  improvementSuggestion: '', correctedSolution: null, regions: [], flags: { badProblem: false, unsure: false },
};

async function next(who: string): Promise<{ status: number; body: Record<string, unknown> | null }> {
  const res = await callers[who]!.send('POST', '/api/projects/mix/queue/next');
  return { status: res.statusCode, body: res.statusCode === 200 ? res.json() : null };
}
async function submit(who: string, id: number) {
  const res = await callers[who]!.send('PUT', `/api/solutions/${id}/annotation`, { ...label, status: 'submitted', version: 0 });
  expect(res.statusCode, res.body).toBe(200);
}
const patch = (body: unknown) => callers.lea!.send('PATCH', '/api/projects/mix', body);

beforeAll(async () => {
  app = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false }, now: () => clock });
  for (const name of ['ann', 'ben', 'cat']) await seedUser(t.db, name);
  await seedUser(t.db, 'lea', 'lead');
  ids = (await seedProject(t.db, { name: 'mix', overlap: 1, problems: 14, members: ['ann', 'ben', 'cat', 'lea'] })).solutionIds;
  for (const name of ['ann', 'ben', 'cat', 'lea']) callers[name] = await sessionCaller(app, t.db, name, clock);
  expect((await patch({ seed: SEED })).statusCode).toBe(200);
  // ben labels s0, s1, s2: with k = 1 they are full. The lead's gold on all three; s0 and s2 are QC items.
  for (const id of ids.slice(0, 3)) {
    await submit('ben', id);
    const gold = { ...label, reason: 'checked', version: 0, qc: id !== ids[1] };
    expect((await callers.lea!.send('PUT', `/api/solutions/${id}/adjudication`, gold)).statusCode).toBe(200);
  }
});
afterAll(async () => app?.close());

describe('qcRate setting', () => {
  it('accepts 0..1 and refuses anything else with 400 naming qcRate', async () => {
    for (const bad of [1.5, -0.1, 'half']) {
      const res = await patch({ qcRate: bad });
      expect(res.statusCode, String(bad)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(res.json().message).toContain('qcRate');
    }
    expect((await patch({ qcRate: 0.5 })).statusCode).toBe(200);
    const [row] = await t.db.orm.select({ settings: t.db.t.projects.settings }).from(t.db.t.projects).where(eq(t.db.t.projects.name, 'mix'));
    expect(row?.settings).toMatchObject({ seed: SEED, qcRate: 0.5 });
    expect((await callers.lea!.send('GET', '/api/projects/mix/qc')).json()).toEqual({ qcRate: 0.5, qcItems: 2 });
    const audit = (await callers.lea!.send('GET', '/api/audit?project=mix')).json().entries as Array<{ action: string; details: Record<string, unknown> }>;
    expect(audit.find((e) => e.action === 'project.update' && (e.details.changed as string[]).includes('qcRate'))?.details.qcRate).toBe(0.5);
  });
});

describe('QC items in the queue', () => {
  it('serves every 2nd new item as a QC item, in seeded order, blind, never twice, even when full', async () => {
    const qcOrder = [ids[0]!, ids[2]!].sort((a, b) => randomKey(SEED, a) - randomKey(SEED, b) || a - b);
    const served: number[] = [];
    for (let i = 0; i < 6; i++) {
      const { status, body } = await next('ann');
      expect(status).toBe(200);
      // Blind: the same shape as any assignment, nothing that says QC.
      expect(Object.keys(body!).sort()).toEqual(['lease', 'solution']);
      expect(Object.keys(body!.solution as object).sort()).toEqual(['externalId', 'id']);
      const id = (body!.solution as { id: number }).id;
      const view = await callers.ann!.send('GET', `/api/solutions/${id}`);
      expect(view.json()).not.toHaveProperty('adjudication');
      expect(view.body).not.toMatch(/"qc"|checked/);
      await submit('ann', id); // allowed although ben's label already filled the only slot
      served.push(id);
    }
    // 1st ordinary (s3: s0–s2 are full), 2nd QC, 3rd ordinary, 4th QC, then no QC item is left.
    expect(served).toEqual([ids[3], qcOrder[0], ids[4], qcOrder[1], ids[5], ids[6]]);
    expect(new Set(served).size).toBe(served.length);
    expect(served).not.toContain(ids[1]); // gold but not QC: never served once full
  });

  it('never serves a QC item to someone who already labelled it, and nothing at rate 0', async () => {
    // ben labelled s0 and s2 himself: his QC turns fall back to the ordinary queue.
    const first = await next('ben');
    await submit('ben', (first.body!.solution as { id: number }).id);
    const second = await next('ben');
    expect([ids[0], ids[2]]).not.toContain((second.body!.solution as { id: number }).id);

    expect((await patch({ qcRate: 0 })).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) {
      const { body } = await next('cat');
      const id = (body!.solution as { id: number }).id;
      expect([ids[0], ids[2]]).not.toContain(id);
      await submit('cat', id);
    }
  });

  it('refuses to let an annotator label a full QC item they were not given', async () => {
    expect((await patch({ qcRate: 1 })).statusCode).toBe(200);
    // cat holds no lease on s0: the slot rule applies as ever.
    const res = await callers.cat!.send('PUT', `/api/solutions/${ids[0]!}/annotation`, { ...label, status: 'submitted', version: 0 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('NOT_ASSIGNED');
  });
});
