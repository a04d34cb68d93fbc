import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app';
import { sessionCaller, type AnyCaller } from '../test/callers';
import { useTestDatabase } from '../test/hooks';
import { seedProject, seedUser } from '../test/seed';

const t = useTestDatabase();
let app: App;
let ids: number[] = [];
const clock = new Date('2031-06-02T09:00:00Z');
const callers: Record<string, AnyCaller> = {};

const label = (verdict: 'correct' | 'incorrect', step: number | null, unsure = false) => ({
  verdict, firstErrorStep: step, stepRatings: null, errorType: verdict === 'incorrect' ? 'calculation' : null, errorAnalysis: '',
  improvementSuggestion: '', correctedSolution: null, regions: [], flags: { badProblem: false, unsure }, status: 'submitted', version: 0,
});

async function submit(who: string, id: number, body: ReturnType<typeof label>) {
  const res = await callers[who]!.send('PUT', `/api/solutions/${id}/annotation`, body);
  expect(res.statusCode, res.body).toBe(200);
}
const review = (query = '', who = 'lea') => callers[who]!.send('GET', `/api/projects/rev/review${query}`);
const counts = (query = '', who = 'lea') => callers[who]!.send('GET', `/api/projects/rev/review/counts${query}`);

/**
 * Every seeded solution has the ORM saying WRONG at step index 1. One fixture per reason:
 * s0 split verdict, s1 split step, s2 both say correct (against the ORM's verdict), s3 both say
 * step 2 (against the ORM's step), s4 unsure (else agreeing with the ORM), s5 ORM step unclear
 * (no labels), s6 both agree with the ORM, s7 untouched, s8 one label only (k = 2) saying correct.
 */
beforeAll(async () => {
  app = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false }, now: () => clock });
  for (const name of ['ann', 'ben']) await seedUser(t.db, name);
  await seedUser(t.db, 'lea', 'lead');
  await seedUser(t.db, 'res', 'researcher');
  ids = (await seedProject(t.db, { name: 'rev', overlap: 2, problems: 9, members: ['ann', 'ben', 'lea', 'res'] })).solutionIds;
  for (const name of ['ann', 'ben', 'lea', 'res']) callers[name] = await sessionCaller(app, t.db, name, clock);
  const [s0, s1, s2, s3, s4, s5, s6, , s8] = ids as [number, number, number, number, number, number, number, number, number];
  await submit('ann', s0, label('incorrect', 1));
  await submit('ben', s0, label('correct', null));
  await submit('ann', s1, label('incorrect', 0));
  await submit('ben', s1, label('incorrect', 2));
  await submit('ann', s2, label('correct', null));
  await submit('ben', s2, label('correct', null));
  await submit('ann', s3, label('incorrect', 2));
  await submit('ben', s3, label('incorrect', 2));
  await submit('ann', s4, label('incorrect', 1, true));
  await submit('ben', s4, label('incorrect', 1));
  await submit('ann', s6, label('incorrect', 1));
  await submit('ben', s6, label('incorrect', 1));
  await submit('ann', s8, label('correct', null));
  const { ormJudgments } = t.db.t;
  await t.db.orm.update(ormJudgments).set({ errorStep: 'the last part', errorStepIndex: null, stepUnclear: true }).where(eq(ormJudgments.solutionId, s5));
});
afterAll(async () => app?.close());

describe('GET /api/projects/:project/review', () => {
  it('lists each solution that needs a lead with its reasons, annotator count and round', async () => {
    const res = await review();
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { solutionId: number; reasons: string[]; annotators: number }) => [i.solutionId, i.reasons, i.annotators])).toEqual([
      [ids[0], ['split_verdict'], 2],
      [ids[1], ['split_step'], 2],
      [ids[2], ['against_orm_verdict'], 2],
      [ids[3], ['against_orm_step'], 2],
      [ids[4], ['unsure'], 2],
      [ids[5], ['orm_step_unclear'], 0],
    ]);
    expect(body.items[0]).toEqual({
      solutionId: ids[0], externalId: 'p0-s0', problemExternalId: 'p0', round: 0, reasons: ['split_verdict'], annotators: 2,
      adjudicated: false, adjudicator: null, qc: false,
    });
    expect(body.nextCursor).toBeNull();
    expect(body).not.toHaveProperty('counts');
    expect((await counts()).json()).toEqual({
      open: 6, adjudicated: 0,
      byReason: { split_verdict: 1, split_step: 1, against_orm_verdict: 1, against_orm_step: 1, unsure: 1, orm_step_unclear: 1 },
    });
  });

  it('filters by reason and round', async () => {
    expect((await review('?reason=split_step')).json().items.map((i: { solutionId: number }) => i.solutionId)).toEqual([ids[1]]);
    expect((await review('?reason=against_orm_verdict')).json().items.map((i: { solutionId: number }) => i.solutionId)).toEqual([ids[2]]);
    expect((await review('?round=0')).json().items).toHaveLength(6);
    const later = (await review('?round=1')).json();
    expect(later.items).toEqual([]);
    expect((await counts('?round=1')).json().open).toBe(0);
    expect((await counts('?round=0')).json().open).toBe(6);
    const bad = await review('?reason=boredom');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('reason');
  });

  it('pages by keyset: each page continues after the last id of the one before', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body: { items: { solutionId: number }[]; nextCursor: string | null } = (await review(`?limit=4${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...body.items.map((i) => i.solutionId));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(2);
    expect(seen).toEqual(ids.slice(0, 6));
  });

  it('moves an adjudicated item to status=adjudicated, with who adjudicated it', async () => {
    const gold = { ...label('incorrect', 1), reason: 'ann is right: step 2 is wrong', version: 0 };
    expect((await callers.lea!.send('PUT', `/api/solutions/${ids[0]!}/adjudication`, gold)).statusCode).toBe(200);
    const open = (await review()).json();
    expect(open.items.map((i: { solutionId: number }) => i.solutionId)).toEqual(ids.slice(1, 6));
    expect((await counts()).json()).toMatchObject({ open: 5, adjudicated: 1 });
    const done = (await review('?status=adjudicated')).json();
    expect(done.items).toEqual([expect.objectContaining({ solutionId: ids[0], reasons: ['split_verdict'], adjudicated: true, adjudicator: 'lea' })]);
    expect((await counts('?status=adjudicated')).json().byReason).toMatchObject({ split_verdict: 1, split_step: 0 });
  });

  it('is for leads and admins: annotators and researchers get 403', async () => {
    expect((await review('', 'ann')).statusCode).toBe(403);
    expect((await review('', 'res')).statusCode).toBe(403);
    expect((await counts('', 'ann')).statusCode).toBe(403);
    expect((await counts('', 'res')).statusCode).toBe(403);
  });
});
