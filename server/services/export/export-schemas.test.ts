import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../domain/export/formats';
import { EXPORT_KINDS } from '../../domain/export/records';
import { useTestDatabase } from '../../test/hooks';
import { importNativeFile } from '../import/import-native';
import { createProject } from '../projects';
import { exportDataset } from './export-dataset';
import { expectImages, expectOrmJudgment, expectRolesInOrder, rolesOf } from './export-schema-checks';

/**
 * Every format × kind of SPEC §5 over a real export of the demo project, line by line, against
 * schemas/export/<format>-<kind>.schema.json plus what a schema cannot say (export-schema-checks.ts).
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const DEMO_FILE = join(ROOT, 'demo/demo.jsonl');
const PROJECT = 'schema-demo';
const test = useTestDatabase();
const scratch = mkdtempSync(join(tmpdir(), 'redline-export-schemas-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface DemoLine {
  problem: { id: string; question: string; images?: string[] };
  solution: { id: string; steps: string[] };
}
const demo = readFileSync(DEMO_FILE, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as DemoLine);
const problems = new Map(demo.map((d) => [d.problem.id, d.problem]));
const solutions = new Map(demo.map((d) => [d.solution.id, d.solution]));
const fileSha = (path: string) => createHash('sha256').update(readFileSync(resolve(ROOT, 'demo', path))).digest('hex');

interface Provenance { split: 'train' | 'val'; line: number; solutionId: string; problemId: string; rejectedSolutionId?: string }
const readJsonl = <T>(file: string): T[] => readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as T);

let seeded: Promise<unknown> | undefined;
const seed = () =>
  (seeded ??= createProject(test.db, PROJECT, { overlap: 2 }, null).then(() =>
    importNativeFile(test.db, { file: DEMO_FILE, project: PROJECT, strict: true, actorId: null }),
  ));

/** A short piece of text as it appears inside a JSON line (escaped, no quotes). */
const jsonPiece = (text: string) => JSON.stringify(text.trim().slice(0, 30)).slice(1, -1);

describe.each(EXPORT_FORMATS)('%s export of the demo', (format) => {
  it.each(EXPORT_KINDS)('%s lines match the schema and the checks', async (kind) => {
    await seed();
    const outDir = join(scratch, `${format}-${kind}`);
    const summary = await exportDataset(test.db, {
      project: PROJECT, kind, format, outDir, sources: ['gold', 'consensus', 'orm'], minAnnotators: 1, valFraction: 0.2, seed: 'schemas',
    });
    expect(summary.records.total).toBeGreaterThan(0);

    const schema = JSON.parse(readFileSync(join(ROOT, `schemas/export/${format}-${kind}.schema.json`), 'utf8')) as object;
    // Open tuples (fixed first items, the rest constrained by additionalItems) are intended.
    const validate = new Ajv({ allErrors: true, strict: true, strictTuples: false }).compile(schema);
    const provenance = readJsonl<Provenance>(join(outDir, 'provenance.jsonl'));
    const lines = { train: readJsonl<Record<string, unknown>>(join(outDir, 'train.jsonl')), val: readJsonl<Record<string, unknown>>(join(outDir, 'val.jsonl')) };
    expect(provenance.map((p) => `${p.split}:${p.line}`)).toEqual([
      ...lines.train.map((_, i) => `train:${i + 1}`),
      ...lines.val.map((_, i) => `val:${i + 1}`),
    ]);

    for (const entry of provenance) {
      const line = lines[entry.split][entry.line - 1]!;
      const raw = JSON.stringify(line);
      expect(validate(line), JSON.stringify(validate.errors)).toBe(true);
      expectRolesInOrder(rolesOf(line, format, kind), kind);
      const problem = problems.get(entry.problemId)!;
      expectImages(line, format, outDir, (problem.images ?? []).map(fileSha));
      // Provenance names the solution whose text the line carries.
      expect(raw).toContain(jsonPiece(problem.question));
      expect(raw).toContain(jsonPiece(solutions.get(entry.solutionId)!.steps[0]!));
      if (kind === 'preference') {
        expect(entry.rejectedSolutionId).toBeDefined();
        expect(raw).toContain(jsonPiece(solutions.get(entry.rejectedSolutionId!)!.steps[0]!));
      }
      if (kind === 'orm') expectOrmJudgment(line);
    }
    if (format === 'sharegpt') {
      const info = JSON.parse(readFileSync(join(outDir, 'dataset_info.json'), 'utf8')) as Record<string, { ranking?: boolean }>;
      expect(info.train!.ranking).toBe(kind === 'preference' ? true : undefined);
    }
  });
});
