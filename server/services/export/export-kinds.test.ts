import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/hooks';
import { useExportRunner } from './export-test-runner';
import { IMAGE_BYTES } from './export-test-project';

/** orm, prm, preference, the openai and trl formats and the filters, over export-test-project.ts. */

const test = useTestDatabase();
const exporter = useExportRunner(test, { valFraction: 0, seed: 'k' }, 'redline-export-kinds-');

async function runExport(options: Parameters<typeof exporter.run>[0]) {
  const { outDir, summary } = await exporter.run(options);
  const read = (file: string) => readFileSync(join(outDir, file), 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
  return { summary, manifest, train: read('train.jsonl'), provenance: read('provenance.jsonl') };
}

/** The line written for a solution (valFraction 0: everything is in train). */
const lineOf = (r: Awaited<ReturnType<typeof runExport>>, solutionId: string) => r.train[r.provenance.findIndex((p) => p.solutionId === solutionId)];

describe('export kinds and formats', () => {
  it('preference: pairs per problem in the documented order, capped, the rest counted', async () => {
    const r = await runExport({ kind: 'preference', format: 'trl', maxPairsPerProblem: 2 });
    expect(r.provenance.map((p) => [p.solutionId, p.rejectedSolutionId])).toEqual([
      ['geo-r2-c', 'geo-r2-b'],
      ['geo-r2-d', 'geo-r2-b'],
    ]);
    expect(r.manifest.leftOut).toMatchObject({ over_pair_cap: 1, no_counterpart: 23, unresolved: 1, bad_problem: 1 });
    expect(r.manifest.maxPairsPerProblem).toBe(2);
    expect(r.train[0].chosen[0].content[0].text).toContain('geo-r2-c: step 1');
    expect(r.train[0].rejected[0].content[0].text).toContain('geo-r2-b: step 1');
    expect(r.train[0].prompt[0].content[0]).toEqual({ type: 'image' });
  });

  it('preference in sharegpt registers a ranking dataset', async () => {
    const r = await runExport({ kind: 'preference' });
    expect(r.summary.records.total).toBe(3);
    expect(r.train[0]).toMatchObject({ chosen: { from: 'gpt' }, rejected: { from: 'gpt' } });
  });

  it('orm: every resolved solution with the judgment JSON', async () => {
    const r = await runExport({ kind: 'orm', format: 'openai', sources: ['gold', 'consensus', 'orm'] });
    expect(JSON.parse(lineOf(r, 'geo-r2-b').messages[1].content)).toMatchObject({ status: 'WRONG', error_step: 'Step 3' });
    expect(JSON.parse(lineOf(r, 'few-a').messages[1].content)).toEqual({ status: 'CORRECT', error_step: '', error_analysis: '', improvement_suggestion: '' });
    expect(lineOf(r, 'geo-r1-a').messages[0].content[1].image_url.url).toBe(`data:image/png;base64,${IMAGE_BYTES.toString('base64')}`);
    expect(r.manifest.images).toBe('inline');
  });

  it('prm without ratings: steps up to the first error, then dropped', async () => {
    const r = await runExport({ kind: 'prm', format: 'trl' });
    expect(lineOf(r, 'geo-r2-b')).toMatchObject({ labels: [true, true, false], completions: ['geo-r2-b: step 1', 'geo-r2-b: step 2', 'geo-r2-b: step 3'] });
    expect(lineOf(r, 'split-b').labels).toEqual([false]);
    expect(lineOf(r, 'geo-r1-a').labels).toEqual([true, true, true]);
  });

  it('filters: rounds, models, subjects, sources and min agreement, recorded in the manifest', async () => {
    const rounds = await runExport({ kind: 'sft', round: [1, 2] });
    expect(rounds.provenance.map((p) => p.solutionId).sort()).toEqual(['geo-r1-a', 'geo-r2-c', 'geo-r2-d']);
    expect((await runExport({ kind: 'sft', models: ['other'] })).summary.records.total).toBe(0);
    expect((await runExport({ kind: 'sft', subjects: ['algebra'] })).summary.records.total).toBe(0);
    const sources = await runExport({ kind: 'sft', problemSources: ['nowhere', 'a'] });
    expect(sources.manifest.filters).toEqual({ rounds: null, models: null, subjects: null, sources: ['a', 'nowhere'], minAgreement: null });
    const agreed = await runExport({ kind: 'reflection', minAgreement: 0.5 });
    // split-b: both annotators said correct, the gold says incorrect → agreement 0.
    expect(agreed.provenance.map((p) => p.solutionId)).toEqual(['geo-r2-b']);
    expect(agreed.manifest.leftOut.below_min_agreement).toBe(1);
  });

  it('prm with ratings on the deciding judgment; --neutral drop', async () => {
    await exporter.ready();
    const { adjudications: g, solutions: s } = test.db.t;
    const [row] = await test.db.orm.select({ id: s.id }).from(s).where(eq(s.externalId, 'split-b'));
    await test.db.orm.update(g).set({ stepRatings: [1, 0, -1] }).where(eq(g.solutionId, row!.id));
    const dropped = await runExport({ kind: 'prm', format: 'sharegpt', neutral: 'drop' });
    expect(lineOf(dropped, 'split-b').conversations.map((t: { value: string }) => t.value)).toEqual([
      'Is $2$ prime?\n\nsplit-b: step 1', '+', 'split-b: step 3', '-',
    ]);
    expect(dropped.manifest.neutral).toBe('drop');
    expect(lineOf(await runExport({ kind: 'prm', format: 'trl' }), 'split-b').labels).toEqual([true, false, false]);
  });
});
