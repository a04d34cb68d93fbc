// The agreement report over HTTP, on the hand-checked project of agreement-test-project.ts (its
// table is the data; every expected number below is worked out from it by hand).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgreementReportSchema, DrillDownResponseSchema, type AgreementReport } from '../../shared/schemas/agreement';
import { buildApp, type App } from '../app';
import { AGREEMENT_PROJECT, seedAgreementProject } from '../services/agreement/agreement-test-project';
import { sessionCaller, type AnyCaller } from '../test/callers';
import { useTestDatabase } from '../test/hooks';

const t = useTestDatabase();
let app: App;
const callers: Record<string, AnyCaller> = {};
let ids: number[] = [];
const now = new Date('2031-06-01T12:00:00Z');

beforeAll(async () => {
  app = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false }, now: () => now });
  ids = (await seedAgreementProject(t.db)).solutionIds;
  for (const name of ['ann', 'lea', 'rex']) callers[name] = await sessionCaller(app, t.db, name, now);
});
afterAll(async () => {
  await app?.close();
});

async function report(query = ''): Promise<AgreementReport> {
  const res = await callers.lea!.send('GET', `/api/projects/${AGREEMENT_PROJECT}/agreement${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return AgreementReportSchema.parse(res.json());
}

const close = (x: number | null | undefined, y: number) => expect(Math.abs((x ?? NaN) - y)).toBeLessThan(1e-9);

describe('GET /api/projects/:project/agreement', () => {
  it('verdict agreement: percent 7/12, Fleiss 1/3 over k = 3, alpha 6/25, Cohen 8/13, 0, 1/6', async () => {
    const r = await report('?bootstrap=false');
    expect(r.verdict.items).toBe(8);
    close(r.verdict.percentAgreement.value, 7 / 12);
    expect(r.verdict.fleissKappa).toMatchObject({ raters: 3, n: 4, ci95: null });
    close(r.verdict.fleissKappa.value, 1 / 3);
    close(r.verdict.krippendorffAlpha.value, 48 / 200);
    expect(r.verdict.cohenKappa.map((c) => [c.a, c.b, c.n])).toEqual([['ann', 'bob', 5], ['ann', 'cat', 6], ['bob', 'cat', 5]]);
    close(r.verdict.cohenKappa[0]?.value, 8 / 13);
    close(r.verdict.cohenKappa[1]?.value, 0);
    close(r.verdict.cohenKappa[2]?.value, 1 / 6);
    expect(r.kappaMatrix.annotators).toEqual(['ann', 'bob', 'cat']);
    close(r.kappaMatrix.cells[2]?.[1]?.value, 1 / 6);
    expect(r.kappaMatrix.cells[0]?.[0]).toBeNull();
  });

  it('first error step, step ratings and error type', async () => {
    const r = await report('?bootstrap=false');
    // s2 {1,1}, s3 {2,3,2}, s6 {2,2}: exact (1 + 1/3 + 1)/3, within one 1; alpha 4/7 and 28/40.
    expect(r.firstErrorStep.items).toBe(3);
    close(r.firstErrorStep.exact, 7 / 9);
    close(r.firstErrorStep.withinOne, 1);
    close(r.firstErrorStep.alphaNominal.value, 4 / 7);
    close(r.firstErrorStep.alphaInterval.value, 28 / 40);
    // 8 (solution, step) units, n.. = 19: alpha = 1 − 18 · 10 / 484.
    expect(r.stepRatings.alpha.n).toBe(8);
    close(r.stepRatings.alpha.value, 1 - 180 / 484);
    // s2 {calc, calc}, s3 {reas, reas, calc}, s6 {calc, reas}: D_o = D_e → 0.
    expect(r.errorType.alpha.n).toBe(3);
    close(r.errorType.alpha.value, 0);
  });

  it('ORM against gold, else consensus, overall and per round', async () => {
    const { ormVsHuman: o } = await report('?bootstrap=false');
    expect(o).toMatchObject({
      reference: 'gold+consensus', ormModel: null, items: 8,
      confusion: { correct: { correct: 3, incorrect: 1 }, incorrect: { correct: 1, incorrect: 3 } },
    });
    close(o.accuracy, 0.75);
    close(o.precisionWrong, 0.75);
    close(o.recallWrong, 0.75);
    close(o.f1Wrong, 0.75);
    close(o.firstErrorStepMatch, 2 / 3);
    close(o.processBenchF1, 0.6);
    expect(o.byRound.map((b) => [b.round, b.items, b.confusion])).toEqual([
      [0, 4, { correct: { correct: 1, incorrect: 0 }, incorrect: { correct: 1, incorrect: 2 } }],
      [1, 4, { correct: { correct: 2, incorrect: 1 }, incorrect: { correct: 0, incorrect: 1 } }],
    ]);
  });

  it('per annotator: items, times, gold, consensus, QC; error types; round transitions', async () => {
    const r = await report('?bootstrap=false');
    expect(r.annotators.map((a) => [a.name, a.items, a.medianTimeMs, a.qcAccuracy])).toEqual([
      ['ann', 7, 4000, 0], ['bob', 6, 35_000, 1], ['cat', 7, 9000, null],
    ]);
    expect(r.annotators.map((a) => [a.agreementWithGold.value, a.agreementWithGold.n])).toEqual([[0, 2], [1, 1], [1, 1]]);
    expect(r.annotators.map((a) => a.agreementWithConsensus.n)).toEqual([5, 4, 7]);
    close(r.annotators[0]?.agreementWithConsensus.value, 3 / 5);
    close(r.annotators[1]?.agreementWithConsensus.value, 3 / 4);
    close(r.annotators[2]?.agreementWithConsensus.value, 4 / 7);
    expect(r.timePerItem[0]).toEqual({ name: 'ann', items: 7, medianMs: 4000, q1Ms: 2500, q3Ms: 5500 });
    expect(r.qc).toEqual([
      { name: 'ann', items: 1, correct: 0, accuracy: 0 },
      { name: 'bob', items: 1, correct: 1, accuracy: 1 },
      { name: 'cat', items: 0, correct: 0, accuracy: null },
    ]);
    expect(r.errorTypes).toEqual([
      { errorType: 'calculation', human: 2, ormJudged: 2, ormIncorrect: 2 },
      { errorType: 'knowledge', human: 1, ormJudged: 1, ormIncorrect: 0 },
      { errorType: 'reasoning', human: 1, ormJudged: 1, ormIncorrect: 1 },
    ]);
    expect(r.roundTransitions).toEqual([
      { from: 0, to: 1, problems: 4, correctToCorrect: 1, correctToIncorrect: 0, incorrectToCorrect: 2, incorrectToIncorrect: 1 },
    ]);
    expect(r.generatedAt).toBe(now.toISOString());
  });

  it('bootstrap by default: seeded intervals around each estimate, the same for the same seed', async () => {
    const a = await report();
    const b = await report('?seed=0');
    const c = await report('?seed=7');
    expect(a.filters).toMatchObject({ bootstrap: true, seed: 0, samples: 1000 });
    expect(b).toEqual(a);
    expect(c.verdict.krippendorffAlpha.ci95).not.toEqual(a.verdict.krippendorffAlpha.ci95);
    const [lo, hi] = a.verdict.krippendorffAlpha.ci95 ?? [NaN, NaN];
    expect(lo).toBeLessThanOrEqual(0.24);
    expect(hi).toBeGreaterThanOrEqual(0.24);
    expect(a.verdict.cohenKappa[0]?.ci95).not.toBeNull();
    expect(JSON.stringify(a)).not.toMatch(/NaN/);
  });

  it('filters: round, subject, annotator (only their solutions, only pairs with them), ORM model', async () => {
    const round1 = await report('?bootstrap=false&round=1');
    expect(round1.filters).toMatchObject({ round: 1, subject: null, annotator: null });
    expect(round1.verdict.items).toBe(4);
    expect(round1.ormVsHuman.byRound.map((b) => b.round)).toEqual([1]);
    expect(round1.roundTransitions).toEqual([]);

    const algebra = await report('?bootstrap=false&subject=algebra');
    expect(algebra.ormVsHuman.items).toBe(4); // s1, s2, s5, s6

    const bob = await report('?bootstrap=false&annotator=bob');
    expect(bob.verdict.items).toBe(6);
    expect(bob.verdict.cohenKappa.map((c) => `${c.a}×${c.b}`)).toEqual(['ann×bob', 'bob×cat']);
    close(bob.verdict.cohenKappa[0]?.value, 8 / 13);
    expect(bob.kappaMatrix.cells[0]?.[2]).toBeNull();

    const old = await report('?bootstrap=false&ormModel=old-orm');
    expect(old.ormVsHuman).toMatchObject({ ormModel: 'old-orm', items: 1, confusion: { correct: { correct: 0, incorrect: 1 } } });
  });

  it('lead and up only; unknown project 404; bad filters 400', async () => {
    expect((await callers.ann!.send('GET', `/api/projects/${AGREEMENT_PROJECT}/agreement`)).statusCode).toBe(403);
    expect((await callers.rex!.send('GET', `/api/projects/${AGREEMENT_PROJECT}/agreement`)).statusCode).toBe(403);
    expect((await callers.lea!.send('GET', '/api/projects/nope/agreement')).statusCode).toBe(404);
    const bad = await callers.lea!.send('GET', `/api/projects/${AGREEMENT_PROJECT}/agreement?round=first`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('round') as string });
    const unknown = await callers.lea!.send('GET', `/api/projects/${AGREEMENT_PROJECT}/agreement?annotator=zed`);
    expect(unknown.statusCode).toBe(404);
  });
});

describe('GET /api/projects/:project/agreement/solutions', () => {
  async function cell(query: string): Promise<string[]> {
    const res = await callers.lea!.send('GET', `/api/projects/${AGREEMENT_PROJECT}/agreement/solutions?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = DrillDownResponseSchema.parse(res.json());
    expect(body.total).toBe(body.solutions.length);
    expect(body.truncated).toBe(false);
    return body.solutions.map((s) => s.externalId);
  }

  it('returns the solutions behind each kind of cell', async () => {
    expect(await cell('cell=confusion&human=incorrect&orm=correct')).toEqual(['s4']);
    expect(await cell('cell=confusion&human=correct&orm=incorrect')).toEqual(['s7']);
    expect(await cell('cell=confusion&human=correct&orm=correct&round=1')).toEqual(['s5', 's8']);
    expect(await cell('cell=pair&a=ann&b=cat')).toEqual(['s2', 's7', 's8']);
    expect(await cell('cell=errorType&errorType=calculation')).toEqual(['s2', 's6']);
    expect(await cell('cell=transition&from=0&to=1&transition=incorrectToCorrect')).toEqual(['s3', 's4', 's7', 's8']);
    expect(await cell('cell=annotator&name=bob')).toEqual(['s1', 's2', 's3', 's4', 's6', 's7']);
    expect(await cell('cell=qc&name=ann')).toEqual(['s4']);
    expect(await cell('cell=qc&name=cat')).toEqual([]);
  });

  it('describes each row', async () => {
    const res = await callers.lea!.send('GET', `/api/projects/${AGREEMENT_PROJECT}/agreement/solutions?cell=confusion&human=incorrect&orm=correct`);
    expect(res.json()).toEqual({
      solutions: [{ id: ids[3], externalId: 's4', problemExternalId: 'P4', round: 0, model: 'gen-a', humanVerdict: 'incorrect', ormVerdict: 'correct' }],
      total: 1,
      truncated: false,
    });
  });

  it('names the missing parameter; lead and up only', async () => {
    const res = await callers.lea!.send('GET', `/api/projects/${AGREEMENT_PROJECT}/agreement/solutions?cell=pair&a=ann`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('"b"') as string });
    expect((await callers.lea!.send('GET', `/api/projects/${AGREEMENT_PROJECT}/agreement/solutions?cell=nope`)).statusCode).toBe(400);
    expect((await callers.ann!.send('GET', `/api/projects/${AGREEMENT_PROJECT}/agreement/solutions?cell=qc&name=ann`)).statusCode).toBe(403);
  });
});
