import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/hooks';
import { useExportRunner } from './export-test-runner';
import { IMAGE_SHA } from './export-test-project';

const test = useTestDatabase();
const exporter = useExportRunner(test, { valFraction: 0.3, seed: 'test' }, 'redline-export-');
const { scratch } = exporter;
/** Seeds once per file, then exports into a fresh folder. */
const runExport = exporter.run;

interface Turn { from: string; value: string }
interface Line { conversations: Turn[]; images: string[] }
interface Provenance { split: string; line: number; solutionId: string; problemId: string; round: number; source: string; annotators: number; agreement: number | null }

const readJsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as T);
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const listFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => relative(dir, join(d.parentPath, d.name))).sort();

function load(outDir: string) {
  const train = readJsonl<Line>(join(outDir, 'train.jsonl'));
  const val = readJsonl<Line>(join(outDir, 'val.jsonl'));
  const provenance = readJsonl<Provenance>(join(outDir, 'provenance.jsonl'));
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
  return { train, val, provenance, manifest, records: [...train, ...val] };
}

/** The record of one solution, found through provenance. */
function recordOf(outDir: string, solutionId: string): Line {
  const { train, val, provenance } = load(outDir);
  const entry = provenance.find((p) => p.solutionId === solutionId);
  if (!entry) throw new Error(`${solutionId} was not exported`);
  return (entry.split === 'train' ? train : val)[entry.line - 1]!;
}

const fillers = Array.from({ length: 10 }, (_, i) => `f${String(i + 1).padStart(2, '0')}`).flatMap((f) => [`${f}-a`, `${f}-b`]);

describe('exportDataset', () => {
  it('sft: only solutions whose final verdict is correct, the rest counted by reason', async () => {
    const { outDir, summary } = await runExport({ kind: 'sft' });
    const { provenance, manifest } = load(outDir);
    expect(provenance.map((p) => p.solutionId).sort()).toEqual(['geo-r1-a', 'geo-r2-c', 'geo-r2-d', ...fillers].sort());
    expect(manifest.leftOut).toEqual({
      no_judgment: 1, too_few_annotators: 1, unresolved: 1, bad_problem: 1, orm_below_score: 0,
      verdict_incorrect: 3, no_steps: 0, no_final_answer: 1,
    });
    expect(manifest.counts).toMatchObject({ total: 23, bySource: { gold: 0, consensus: 23, orm: 0 } });
    expect(summary.records.total).toBe(23);
    const geo = recordOf(outDir, 'geo-r1-a');
    expect(geo.conversations[0]!.value).toBe('<image>\nIn the figure, find $x$.');
    expect(geo.conversations[1]!.value).toBe('geo-r1-a: step 1\n\ngeo-r1-a: step 2\n\ngeo-r1-a: step 3\n\nThe answer to this problem is 42.');
    expect(geo.images).toEqual([`images/${IMAGE_SHA}.png`]);
  });

  it('reflection: the human first error step and analysis, not the ORM’s; corrections and fallbacks', async () => {
    const { outDir, manifest } = await runExport({ kind: 'reflection' }).then((r) => ({ ...r, manifest: load(r.outDir).manifest }));
    const geo = recordOf(outDir, 'geo-r2-b');
    expect(geo.conversations[0]!.value).toContain('Error Step: Step 3\nError Analysis: human analysis\nImprovement Suggestion: human suggestion');
    expect(geo.conversations[0]!.value).toContain('Step 1: geo-r2-b: step 1');
    expect(geo.conversations[0]!.value).not.toContain('orm analysis');
    // The fallback: a correct sibling, latest round first, then the lowest id.
    expect(geo.conversations[1]!.value).toBe('geo-r2-c: step 1\n\ngeo-r2-c: step 2\n\ngeo-r2-c: step 3\n\nThe answer to this problem is 42.');
    const gold = recordOf(outDir, 'split-b');
    expect(gold.conversations[0]!.value).toContain('Error Step: Step 1\nError Analysis: lead analysis');
    expect(gold.conversations[1]!.value).toBe('Fixed step one.\n\nFixed step two.');
    expect(load(outDir).provenance.find((p) => p.solutionId === 'split-b')).toMatchObject({ source: 'gold', annotators: 2, agreement: 0 });
    expect(manifest.leftOut).toEqual({
      no_judgment: 1, too_few_annotators: 1, unresolved: 1, bad_problem: 1, orm_below_score: 0,
      verdict_correct: 24, no_steps: 0, no_error_step: 0, no_correction: 1,
    });
    expect(manifest.reflectionTemplate).toContain('{error_step}');
  });

  it('policy with the ORM and a score bar', async () => {
    const { outDir } = await runExport({ kind: 'sft', sources: ['gold', 'consensus', 'orm'], ormMinScore: 0.8 });
    const { provenance, manifest } = load(outDir);
    expect(provenance.find((p) => p.solutionId === 'few-a')).toMatchObject({ source: 'orm', annotators: 1, agreement: 1 });
    expect(manifest.leftOut).toMatchObject({ too_few_annotators: 0, orm_below_score: 1 });
    expect(manifest.counts.bySource).toEqual({ gold: 0, consensus: 23, orm: 1 });
    expect(manifest.policy).toEqual({ sources: ['gold', 'consensus', 'orm'], minAnnotators: 2, ormMinScore: 0.8, ormModel: null });
  });

  it('splits by problem, with provenance aligned line by line', async () => {
    const { outDir } = await runExport({ kind: 'sft' });
    const { train, val, provenance } = load(outDir);
    expect(train.length).toBeGreaterThan(0);
    expect(val.length).toBeGreaterThan(0);
    expect(provenance).toHaveLength(train.length + val.length);
    expect(provenance.map((p) => `${p.split}:${p.line}`)).toEqual([
      ...train.map((_, i) => `train:${i + 1}`),
      ...val.map((_, i) => `val:${i + 1}`),
    ]);
    for (const entry of provenance) {
      const record = (entry.split === 'train' ? train : val)[entry.line - 1]!;
      expect(record.conversations[1]!.value.startsWith(`${entry.solutionId}: step 1`)).toBe(true);
    }
    const sides = new Map<string, Set<string>>();
    for (const p of provenance) sides.set(p.problemId, (sides.get(p.problemId) ?? new Set()).add(p.split));
    expect([...sides.values()].every((s) => s.size === 1)).toBe(true);
  });

  it('copies each image once, named by the sha256 of its bytes, and one <image> token per image', async () => {
    const { outDir } = await runExport({ kind: 'sft' });
    const images = listFiles(join(outDir, 'images'));
    expect(images).toEqual([`${IMAGE_SHA}.png`]);
    for (const name of images) expect(`${sha256(join(outDir, 'images', name))}.png`).toBe(name);
    for (const record of load(outDir).records) {
      const tokens = record.conversations.map((t) => t.value.split('<image>').length - 1).reduce((a, b) => a + b, 0);
      expect(tokens).toBe(record.images.length);
      for (const path of record.images) expect(readFileSync(join(outDir, path)).length).toBeGreaterThan(0);
    }
    expect(recordOf(outDir, 'f02-a').conversations[0]!.value).toBe('What does the literal text <image > mean here?');
  });

  it('lists every file with its sha256 in the manifest', async () => {
    const { outDir } = await runExport({ kind: 'reflection' });
    const { manifest } = load(outDir);
    const listed = manifest.files as Array<{ path: string; bytes: number; sha256: string }>;
    expect(listed.map((f) => f.path)).toEqual(listFiles(outDir).filter((p) => p !== 'manifest.json'));
    for (const file of listed) {
      expect(sha256(join(outDir, file.path))).toBe(file.sha256);
      expect(readFileSync(join(outDir, file.path)).length).toBe(file.bytes);
    }
    const info = JSON.parse(readFileSync(join(outDir, 'dataset_info.json'), 'utf8'));
    expect(Object.keys(info)).toEqual(['train', 'val']);
    expect(info.train).toMatchObject({ file_name: 'train.jsonl', formatting: 'sharegpt' });
  });

  it.each([
    ['sft', 'sharegpt'], ['reflection', 'sharegpt'], ['orm', 'openai'], ['prm', 'trl'], ['preference', 'sharegpt'], ['preference', 'trl'],
  ])('%s/%s is byte-identical across runs and page sizes, manifest time aside', async (kind, format) => {
    const first = await runExport({ kind, format });
    const second = await runExport({ kind, format, pageSize: 3 });
    expect(listFiles(second.outDir)).toEqual(listFiles(first.outDir));
    for (const file of listFiles(first.outDir)) {
      const a = readFileSync(join(first.outDir, file), 'utf8');
      const b = readFileSync(join(second.outDir, file), 'utf8');
      if (file === 'manifest.json') {
        const strip = (text: string) => ({ ...JSON.parse(text), createdAt: null });
        expect(strip(b)).toEqual(strip(a));
        expect(b.replace(/"createdAt": "[^"]*"/, '')).toBe(a.replace(/"createdAt": "[^"]*"/, ''));
      } else {
        expect(b, file).toBe(a);
      }
    }
  });

  it('filters by round', async () => {
    const { outDir } = await runExport({ kind: 'sft', round: 1 });
    expect(load(outDir).provenance.map((p) => p.solutionId)).toEqual(['geo-r1-a']);
    expect(load(outDir).manifest.filters).toEqual({ rounds: [1], models: null, subjects: null, sources: null, minAgreement: null });
  });

  it('refuses a folder that is not empty and leaves it alone', async () => {
    const outDir = join(scratch, 'occupied');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'keep.txt'), 'mine');
    await expect(runExport({ kind: 'sft', outDir })).rejects.toThrow(/not empty/);
    expect(readdirSync(outDir)).toEqual(['keep.txt']);
    expect(readdirSync(scratch).filter((n) => n.includes('.partial-'))).toEqual([]);
  });

  it('accepts an existing empty folder and records an audit entry', async () => {
    const outDir = join(scratch, 'empty');
    mkdirSync(outDir);
    await runExport({ kind: 'sft', outDir });
    expect(readdirSync(outDir).sort()).toEqual(['dataset_info.json', 'images', 'manifest.json', 'provenance.jsonl', 'train.jsonl', 'val.jsonl']);
    const entries = await test.db.orm.select().from(test.db.t.auditLog).where(eq(test.db.t.auditLog.action, 'export'));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.at(-1)!.details).toMatchObject({ kind: 'sft', format: 'sharegpt', records: { total: 23 } });
  });

  it.each([
    [{ kind: 'dpo' }, /kind "dpo" is not supported yet/],
    [{ kind: 'sft', format: 'yaml' }, /format "yaml" is not supported yet/],
    [{ kind: 'sft', images: 'inline' }, /--images inline is not supported for sharegpt/],
    [{ kind: 'sft', format: 'openai', images: 'copy' }, /--images copy is not supported for openai/],
    [{ kind: 'prm', neutral: 'maybe' }, /--neutral must be true, false or drop/],
    [{ kind: 'sft', neutral: 'true' }, /--neutral only applies to --kind prm/],
    [{ kind: 'sft', sources: ['gold', 'crowd'] }, /unknown merge policy source "crowd"/],
    [{ kind: 'sft', valFraction: 1.5 }, /between 0 and 1/],
    [{ kind: 'sft', ormMinScore: 0.5 }, /need "orm" in --policy/],
    [{ kind: 'reflection', reflectionTemplate: 'no placeholders' }, /must contain \{question\}/],
  ])('rejects bad options %j', async (options, message) => {
    await expect(runExport(options)).rejects.toThrow(message);
  });
});
