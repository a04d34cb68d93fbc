import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app';
import { sessionCaller, type AnyCaller } from '../test/callers';
import { useTestDatabase } from '../test/hooks';
import { seedProject, seedUser, type SeededProject } from '../test/seed';

const t = useTestDatabase();
let app: App;
let seeded: SeededProject;
const clock = new Date('2031-06-01T09:00:00Z');
const callers: Record<string, AnyCaller> = {};

const gold = {
  verdict: 'incorrect', firstErrorStep: 0, stepRatings: null, errorType: 'calculation', errorAnalysis: 'The sum in step 1 is wrong.',
  improvementSuggestion: 'Add again.', correctedSolution: null, regions: [], flags: { badProblem: false, unsure: false },
  reason: 'alice and bob split; step 1 adds wrongly', version: 0,
};

beforeAll(async () => {
  app = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false }, now: () => clock });
  for (const name of ['ann', 'ben']) await seedUser(t.db, name);
  await seedUser(t.db, 'lea', 'lead');
  await seedUser(t.db, 'leo', 'lead');
  await seedUser(t.db, 'res', 'researcher');
  await seedUser(t.db, 'adm', 'admin');
  seeded = await seedProject(t.db, { name: 'adj', overlap: 2, problems: 4, members: ['ann', 'ben', 'lea', 'res'] });
  await seedProject(t.db, { name: 'other', members: ['leo'] });
  for (const name of ['ann', 'ben', 'lea', 'leo', 'res', 'adm']) callers[name] = await sessionCaller(app, t.db, name, clock);
});
afterAll(async () => app?.close());

const put = (who: string, id: number, body: unknown) => callers[who]!.send('PUT', `/api/solutions/${id}/adjudication`, body);

describe('PUT /api/solutions/:id/adjudication', () => {
  it('saves a gold judgment, versioned, shown to leads with the solution and never to annotators', async () => {
    const id = seeded.solutionIds[0]!;
    const res = await put('lea', id, gold);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 1, verdict: 'incorrect', firstErrorStep: 0, reason: gold.reason, qc: false, adjudicator: 'lea' });

    const lead = (await callers.lea!.send('GET', `/api/solutions/${id}`)).json();
    expect(lead.adjudication).toMatchObject({ version: 1, reason: gold.reason, errorType: 'calculation', adjudicator: 'lea' });
    const annotator = (await callers.ann!.send('GET', `/api/solutions/${id}`)).json();
    expect(annotator).not.toHaveProperty('adjudication');
    expect(annotator).not.toHaveProperty('annotations');
    // A solution without gold: null for leads.
    expect((await callers.lea!.send('GET', `/api/solutions/${seeded.solutionIds[3]!}`)).json().adjudication).toBeNull();
  });

  it('refuses a stale version with 409 and the current gold; every save is a revision and an audit entry', async () => {
    const id = seeded.solutionIds[1]!;
    expect((await put('lea', id, gold)).statusCode).toBe(200);
    const stale = await put('adm', id, { ...gold, verdict: 'correct', firstErrorStep: null, errorType: null });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', current: { version: 1, verdict: 'incorrect', adjudicator: 'lea' } });

    const second = await put('adm', id, { ...gold, verdict: 'correct', firstErrorStep: null, errorType: null, reason: 'on a second look it holds', version: 1 });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ version: 2, verdict: 'correct', adjudicator: 'adm' });

    const history = (await callers.lea!.send('GET', `/api/solutions/${id}/history`)).json().entries as Array<{ kind: string; action: string; actor: string; snapshot: Record<string, unknown> }>;
    const revisions = history.filter((e) => e.kind === 'adjudication');
    expect(revisions.map((e) => [e.action, e.actor, e.snapshot.verdict, e.snapshot.reason])).toEqual([
      ['adjudication v1', 'lea', 'incorrect', gold.reason],
      ['adjudication v2', 'adm', 'correct', 'on a second look it holds'],
    ]);
    expect(history.filter((e) => e.action === 'adjudication.save').map((e) => e.actor)).toEqual(['lea', 'adm']);
  });

  it('needs a reason and a complete judgment, checked against the steps and the taxonomy', async () => {
    const id = seeded.solutionIds[2]!;
    const { reason: _reason, ...noReason } = gold;
    const missing = await put('lea', id, noReason);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('reason');
    const blank = await put('lea', id, { ...gold, reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().message).toContain('reason');
    const noStep = await put('lea', id, { ...gold, firstErrorStep: null });
    expect(noStep.statusCode).toBe(422);
    expect(noStep.json().message).toContain('firstErrorStep is required');
    const beyond = await put('lea', id, { ...gold, firstErrorStep: 7 });
    expect(beyond.statusCode).toBe(422);
    expect(beyond.json().message).toContain('beyond');
    const taxonomy = await put('lea', id, { ...gold, errorType: 'astrology' });
    expect(taxonomy.statusCode).toBe(422);
    expect(taxonomy.json().message).toContain('astrology');
    const { adjudications } = t.db.t;
    expect(await t.db.orm.select().from(adjudications).where(eq(adjudications.solutionId, id))).toEqual([]);
  });

  it('is for leads of the project and admins: annotators, researchers and other projects\' leads get 403', async () => {
    const id = seeded.solutionIds[3]!;
    for (const who of ['ann', 'res', 'leo']) {
      const res = await put(who, id, gold);
      expect(res.statusCode, who).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
      expect((await callers[who]!.send('POST', `/api/solutions/${id}/adjudication/qc`, { qc: true })).statusCode, who).toBe(403);
    }
    expect((await put('adm', id, gold)).statusCode).toBe(200);
  });
});

describe('POST /api/solutions/:id/adjudication/qc', () => {
  it('marks and unmarks a gold as a QC item, only once it exists; each change is a new version', async () => {
    const id = seeded.solutionIds[3]!; // adjudicated by adm above (version 1)
    const none = await callers.lea!.send('POST', `/api/solutions/${seeded.solutionIds[2]!}/adjudication/qc`, { qc: true });
    expect(none.statusCode).toBe(404);
    expect(none.json().message).toContain('no adjudication');

    const marked = await callers.lea!.send('POST', `/api/solutions/${id}/adjudication/qc`, { qc: true });
    expect(marked.statusCode).toBe(200);
    expect(marked.json()).toMatchObject({ qc: true, version: 2, reason: gold.reason });
    // The same value again changes nothing.
    expect((await callers.lea!.send('POST', `/api/solutions/${id}/adjudication/qc`, { qc: true })).json().version).toBe(2);
    // A save without `qc` keeps the flag; with it, sets it.
    expect((await put('lea', id, { ...gold, version: 2 })).json()).toMatchObject({ version: 3, qc: true });
    expect((await put('lea', id, { ...gold, version: 3, qc: false })).json()).toMatchObject({ version: 4, qc: false });
    const { adjudicationRevisions, adjudications } = t.db.t;
    const rows = await t.db.orm.select({ version: adjudicationRevisions.version, snapshot: adjudicationRevisions.snapshot })
      .from(adjudicationRevisions).innerJoin(adjudications, eq(adjudications.id, adjudicationRevisions.adjudicationId))
      .where(eq(adjudications.solutionId, id)).orderBy(adjudicationRevisions.version);
    expect(rows.map((r) => [r.version, r.snapshot.qc])).toEqual([[1, false], [2, true], [3, true], [4, false]]);
  });
});
