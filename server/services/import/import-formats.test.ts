import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/hooks';
import { exportDataset } from '../export/export-dataset';
import { ensureProject } from '../projects';
import { importFiles } from './import-files';
import { contentChecksum, nativeLine, removeTempDirs, tempDir, writeJsonl } from './test-files';

/** The real public files of /work/shared/data (see its README), imported as a user would. */
const DATA = '/work/shared/data';
const GSM8K = join(DATA, 'processbench/gsm8k.json');
const MATH = join(DATA, 'processbench/math.json');
const PRM800K = join(DATA, 'prm800k/sample.jsonl');

interface PbItem { id: string; problem: string; steps: string[]; label: number; final_answer_correct: boolean }
const readItems = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as PbItem[];
const prmLines = () => readFileSync(PRM800K, 'utf8').split('\n').filter((l) => l.trim() !== '');

const database = useTestDatabase();
const scratch = mkdtempSync(join(tmpdir(), 'redline-import-formats-'));
afterAll(() => {
  removeTempDirs();
  rmSync(scratch, { recursive: true, force: true });
});

async function exportTrl(project: string, name: string) {
  const outDir = join(scratch, name);
  await exportDataset(database.db, { project, kind: 'prm', format: 'trl', outDir, minAnnotators: 1, valFraction: 0, seed: 's' });
  const read = (file: string) => readFileSync(join(outDir, file), 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
  const train = read('train.jsonl') as { labels: boolean[]; completions: string[] }[];
  const provenance = read('provenance.jsonl') as { solutionId: string }[];
  return new Map(provenance.map((p, i) => [p.solutionId, train[i]]));
}

describe('importFiles with ProcessBench', () => {
  it('imports both real splits with no bad record; exported labels reproduce every item\'s label; re-import changes nothing', async () => {
    const db = database.db;
    const project = await ensureProject(db, 'processbench', null);
    const summaries = await importFiles(db, { files: [GSM8K, MATH], project, strict: false, actorId: null, format: 'auto' });
    const items = [...readItems(GSM8K), ...readItems(MATH)];
    expect(summaries.map((s) => [s.format, s.numbering, s.lines, s.badCount, s.imported.solutions, s.imported.annotations]))
      .toEqual([['processbench', 'record', 400, 0, 400, 400], ['processbench', 'record', 1000, 0, 1000, 1000]]);
    // Problem ids are a hash of the text: one problem per distinct question.
    const problems = summaries.reduce((n, s) => n + s.imported.problems, 0);
    expect(problems).toBe(new Set(items.map((i) => i.problem)).size);

    const exported = await exportTrl('processbench', 'pb');
    for (const item of items) {
      const expected = item.label < 0
        ? item.steps.map(() => true)
        : [...item.steps.slice(0, item.label).map(() => true), false];
      expect(exported.get(item.id)?.labels, item.id).toEqual(expected);
    }
    const [lucky] = items.filter((i) => i.label >= 0 && i.final_answer_correct);
    const [row] = await db.orm.select().from(db.t.solutions).where(eq(db.t.solutions.externalId, lucky!.id));
    expect(row?.metadata).toEqual({ processbench: { split: lucky!.id.split('-')[0], label: lucky!.label, final_answer_correct: true } });

    const before = await contentChecksum(db);
    const again = await importFiles(db, { files: [GSM8K], project, strict: true, actorId: null, format: 'processbench' });
    expect(again[0]).toMatchObject({ badCount: 0, unchanged: 400, imported: { problems: 0, solutions: 0, annotations: 0 } });
    expect(await contentChecksum(db)).toEqual(before);
  }, 180_000);

  it('reports bad records by position and, with strict, stores nothing', async () => {
    const db = database.db;
    const project = await ensureProject(db, 'pb-bad', null);
    const dir = tempDir();
    const good = { id: 'x-1', generator: 'm', problem: 'What is 1+1?', steps: ['1+1=2', 'So 2.'], final_answer_correct: true, label: -1 };
    const file = join(dir, 'pb.json');
    writeFileSync(file, JSON.stringify([good, { ...good, id: 'x-2', label: 2 }, { ...good, id: 'x-3', steps: 'none' }, { ...good, id: 'x-4' }], null, 2));
    const before = await contentChecksum(db);
    const [strict] = await importFiles(db, { files: [file], project, strict: true, actorId: null });
    expect(strict).toMatchObject({ committed: false, badCount: 2 });
    expect(await contentChecksum(db)).toEqual(before);
    const [summary] = await importFiles(db, { files: [file], project, strict: false, actorId: null });
    expect(summary?.bad).toEqual([
      { line: 2, reason: 'label: 2 is beyond the item\'s 2 steps (0-based, -1 = no error)' },
      { line: 3, reason: 'steps: expected array, received string' },
    ]);
    expect(summary?.imported).toMatchObject({ problems: 1, solutions: 2, annotations: 2 });

    const broken = join(dir, 'broken.json');
    writeFileSync(broken, `[${JSON.stringify({ ...good, id: 'y-1' })},\n{"id": "y-2", oops}]`);
    const [cut] = await importFiles(db, { files: [broken], project, strict: false, actorId: null });
    expect(cut?.bad).toEqual([{ line: expect.any(Number), reason: expect.stringMatching(/^invalid JSON at or before this record: .*the rest of the file was not read$/) }]);
  });
});

describe('importFiles with PRM800K', () => {
  it('imports the real sample: one annotation per labeler with its ratings; bad_problem and give_up honoured', async () => {
    const db = database.db;
    const project = await ensureProject(db, 'prm800k', null);
    const lines = prmLines();
    // The sample has only found_error and solution records: add a bad_problem and a give_up one.
    const first = JSON.parse(lines[0] ?? '{}');
    const badProblem = { ...first, labeler: 'fixture-bad-problem', label: { ...first.label, finish_reason: 'bad_problem' } };
    const gaveUp = { ...first, labeler: 'fixture-give-up', label: { ...first.label, finish_reason: 'give_up' } };
    const file = writeJsonl(tempDir(), 'prm.jsonl', [...lines, JSON.stringify(badProblem), JSON.stringify(gaveUp)]);
    const [summary] = await importFiles(db, { files: [PRM800K, file], project, strict: true, actorId: null });
    expect(summary).toMatchObject({ format: 'prm800k', numbering: 'line', lines: 10, badCount: 0, imported: { annotations: 10 } });

    const rows = await db.orm.select({ labeler: db.t.users.name, a: db.t.annotations, steps: db.t.solutions.steps, solution: db.t.solutions })
      .from(db.t.annotations).innerJoin(db.t.users, eq(db.t.users.id, db.t.annotations.annotatorId))
      .innerJoin(db.t.solutions, eq(db.t.solutions.id, db.t.annotations.solutionId))
      .where(eq(db.t.solutions.projectId, project.id));
    expect(rows).toHaveLength(12);
    const byLabeler = new Map(rows.map((r) => [r.labeler, r]));
    for (const line of lines) {
      const record = JSON.parse(line);
      const row = byLabeler.get(record.labeler);
      const labelled = record.label.steps.map((s: { chosen_completion: number | null; completions: { text: string; rating: number | null }[] }) => s.completions[s.chosen_completion ?? 0]);
      const pre: string[] | undefined = record.question.pre_generated_steps;
      // Phase 2: the whole pre-generated solution, unlabelled steps null; phase 1: the chosen completions.
      expect(row?.steps, record.labeler).toEqual(pre ?? labelled.map((c: { text: string }) => c.text));
      const ratings = [...labelled.map((c: { rating: number | null }) => c.rating), ...Array((pre?.length ?? labelled.length) - labelled.length).fill(null)];
      expect(row?.a.stepRatings).toEqual(ratings);
      const firstError = ratings.indexOf(-1);
      expect([row?.a.verdict, row?.a.firstErrorStep, row?.a.status, row?.a.badProblem, row?.a.timeSpentMs])
        .toEqual([firstError >= 0 ? 'incorrect' : 'correct', firstError >= 0 ? firstError : null, 'submitted', false, record.label.total_time]);
      if (pre) expect(row?.solution.finalAnswer).toBe(record.question.pre_generated_answer);
    }
    expect(byLabeler.get('fixture-bad-problem')?.a).toMatchObject({ badProblem: true, status: 'submitted' });
    expect(byLabeler.get('fixture-give-up')?.a).toMatchObject({ status: 'draft', submittedAt: null });
    // The fixtures rate the same solution as the first real record: one solution, three labelers.
    expect(new Set([record0Solution(rows, first.labeler), record0Solution(rows, 'fixture-give-up')]).size).toBe(1);
    expect(byLabeler.get(first.labeler)?.solution.finalAnswer).toBe('29'); // its last step ends "# Answer\n\n29"
    expect(byLabeler.get(first.labeler)?.solution.metadata).toMatchObject({
      prm800k: { phase: 1, humanCompletions: [{ step: 1, text: 'We have $3p+e=1.24$ and $5p+e=1.82$.', labeler: first.labeler }] },
    });

    const before = await contentChecksum(db);
    const again = await importFiles(db, { files: [PRM800K, file], project, strict: false, actorId: null, format: 'prm800k' });
    expect(again.map((s) => [s.badCount, s.unchanged, s.imported.annotations])).toEqual([[0, 10, 0], [0, 12, 0]]);
    expect(await contentChecksum(db)).toEqual(before);
  });
});

function record0Solution(rows: { labeler: string; solution: { id: number } }[], labeler: string): number | undefined {
  return rows.find((r) => r.labeler === labeler)?.solution.id;
}

describe('importFiles with MathSE ORM judgments', () => {
  it('adds judgments to stored solutions, parses error_step, refuses unknown solutions and conflicts', async () => {
    const db = database.db;
    const project = await ensureProject(db, 'mathse-orm', null);
    const dir = tempDir();
    const native = writeJsonl(dir, 'native.jsonl', [nativeLine('p-1', 's-1'), nativeLine('p-1', 's-2')]);
    const orm = (solution: string, extra: Record<string, unknown> = {}) => JSON.stringify({
      solution_id: solution, model: 'mathse-orm-v2', status: 'WRONG', error_step: 'Step 2: the sum is wrong',
      error_analysis: 'Adds wrongly.', improvement_suggestion: 'Recompute.', score: 0.2, ...extra,
    });
    const file = writeJsonl(dir, 'orm.jsonl', [
      orm('s-1'),
      orm('s-2', { error_step: 'Incorrect use and calculation of the radius for the cylinder and cone' }),
      orm('nope'),
      orm('s-1', { score: 0.9 }),
      orm('s-2', { model: 'other-orm', status: 'CORRECT', error_step: null, score: null }),
    ]);
    const summaries = await importFiles(db, { files: [native, file], project, strict: false, actorId: null });
    expect(summaries.map((s) => s.format)).toEqual(['redline', 'mathse-orm']);
    expect(summaries[1]).toMatchObject({ lines: 5, badCount: 2, imported: { ormJudgments: 3, solutions: 0 } });
    expect(summaries[1]?.bad).toEqual([
      { line: 3, reason: 'solution_id: no solution "nope" in this project (import its solution first)' },
      { line: 4, reason: 'the ORM judgment of mathse-orm-v2 for s-1 conflicts with the stored one (score differs)' },
    ]);
    const judgments = await db.orm.select().from(db.t.ormJudgments).innerJoin(db.t.solutions, eq(db.t.solutions.id, db.t.ormJudgments.solutionId))
      .where(and(eq(db.t.solutions.projectId, project.id), eq(db.t.ormJudgments.model, 'mathse-orm-v2')));
    const byId = new Map(judgments.map((j) => [j.solutions.externalId, j.orm_judgments]));
    expect(byId.get('s-1')).toMatchObject({ errorStep: 'Step 2: the sum is wrong', errorStepIndex: 1, stepUnclear: false, score: 0.2 });
    expect(byId.get('s-2')).toMatchObject({ errorStepIndex: null, stepUnclear: true });

    const before = await contentChecksum(db);
    const [again] = await importFiles(db, { files: [file], project, strict: false, actorId: null, format: 'mathse-orm' });
    expect(again).toMatchObject({ unchanged: 3, badCount: 2, imported: { ormJudgments: 0 } });
    expect(await contentChecksum(db)).toEqual(before);
  });

  it('refuses a file whose format cannot be told, naming it', async () => {
    const db = database.db;
    const project = await ensureProject(db, 'undetectable', null);
    const file = writeJsonl(tempDir(), 'what.jsonl', [JSON.stringify({ foo: 1, bar: 2 })]);
    await expect(importFiles(db, { files: [file], project, strict: false, actorId: null }))
      .rejects.toThrow(`${file}: cannot tell the format from the first line's keys (foo, bar); name the format with --format`);
  });
});
