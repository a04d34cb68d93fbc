import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app';
import { sessionCaller, type AnyCaller } from '../test/callers';
import { useTestDatabase } from '../test/hooks';
import { loadDemo } from './demo';
import { exportDataset } from './export/export-dataset';

/** Gold wins under the default policy (gold, consensus): the demo, before and after a lead adjudicates a split. */
const t = useTestDatabase();
let app: App;
const scratch = mkdtempSync(join(tmpdir(), 'redline-gold-'));
const clock = new Date('2031-06-04T09:00:00Z');
const callers: Record<string, AnyCaller> = {};
const SOLUTION = 'mathv_183-r0-a'; // demo line 1: wrong at step 3; the ORM names step 4
let solutionId = 0;
let runs = 0;

const label = (verdict: 'correct' | 'incorrect', step: number | null) => ({
  verdict, firstErrorStep: step, stepRatings: null, errorType: verdict === 'incorrect' ? 'vision_recognition' : null,
  errorAnalysis: verdict === 'incorrect' ? 'annotator analysis' : '', improvementSuggestion: '', correctedSolution: null, regions: [],
  flags: { badProblem: false, unsure: false },
});

async function exportOrm() {
  const outDir = join(scratch, `out-${(runs += 1)}`);
  await exportDataset(t.db, { project: 'demo', kind: 'orm', format: 'openai', outDir, valFraction: 0, seed: 'gold' });
  const read = (file: string) => readFileSync(join(outDir, file), 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
  const provenance = read('provenance.jsonl') as Array<{ solutionId: string; source: string; annotators: number }>;
  const train = read('train.jsonl') as Array<{ messages: Array<{ content: unknown }> }>;
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
  const index = provenance.findIndex((p) => p.solutionId === SOLUTION);
  return { manifest, provenance: provenance[index], judgment: index < 0 ? undefined : JSON.parse(train[index]!.messages[1]!.content as string) };
}

beforeAll(async () => {
  await loadDemo(t.db);
  app = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false }, now: () => clock });
  for (const name of ['annotator1', 'annotator2', 'lead']) callers[name] = await sessionCaller(app, t.db, name, clock);
  const { projects, solutions } = t.db.t;
  const [target] = await t.db.orm.select({ id: solutions.id }).from(solutions).innerJoin(projects, eq(projects.id, solutions.projectId))
    .where(and(eq(projects.name, 'demo'), eq(solutions.externalId, SOLUTION)));
  solutionId = target!.id;
  for (const [who, body] of [['annotator1', label('incorrect', 2)], ['annotator2', label('correct', null)]] as const) {
    const res = await callers[who]!.send('PUT', `/api/solutions/${solutionId}/annotation`, { ...body, status: 'submitted', version: 0 });
    expect(res.statusCode, res.body).toBe(200);
  }
});
afterAll(async () => {
  await app?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('export after adjudication', () => {
  it('a split solution is unresolved until the lead adjudicates it; then the gold is exported with source "gold"', async () => {
    const before = await exportOrm();
    expect(before.provenance).toBeUndefined();
    expect(before.manifest.leftOut.unresolved).toBeGreaterThanOrEqual(1);
    expect(before.manifest.counts.bySource.gold).toBe(0);

    const gold = {
      ...label('incorrect', 2), errorAnalysis: 'Gold: step 3 misreads the diagram.', improvementSuggestion: 'Read the angle again.',
      reason: 'annotator1 is right', version: 0,
    };
    expect((await callers.lead!.send('PUT', `/api/solutions/${solutionId}/adjudication`, gold)).statusCode).toBe(200);

    const after = await exportOrm();
    expect(after.provenance).toMatchObject({ solutionId: SOLUTION, source: 'gold', annotators: 2 });
    expect(after.judgment).toEqual({
      status: 'WRONG', error_step: 'Step 3', error_analysis: 'Gold: step 3 misreads the diagram.', improvement_suggestion: 'Read the angle again.',
    });
    expect(after.manifest.counts.bySource.gold).toBe(1);
    expect(after.manifest.leftOut.unresolved).toBe(before.manifest.leftOut.unresolved - 1);
  });
});
