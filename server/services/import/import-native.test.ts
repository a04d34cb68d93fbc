import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/hooks';
import { ensureProject } from '../projects';
import { importNativeFile } from './import-native';
import { contentChecksum, makePng, nativeLine, tempDir, writeJsonl, removeTempDirs } from './test-files';

const database = useTestDatabase();
let projectCounter = 0;

async function setup(lines: string[], opts: { eol?: string; bom?: boolean } = {}) {
  const db = database.db;
  const project = await ensureProject(db, `imp-${++projectCounter}`, null);
  const dir = tempDir();
  const file = writeJsonl(dir, 'in.jsonl', opts.bom ? [`\uFEFF${lines[0]}`, ...lines.slice(1)] : lines, opts.eol);
  const run = (extra: { strict?: boolean; round?: number; batchSize?: number; file?: string } = {}) =>
    importNativeFile(db, { file, project, strict: false, actorId: null, ...extra });
  const solutions = () => db.orm.select().from(db.t.solutions).where(eq(db.t.solutions.projectId, project.id)).orderBy(asc(db.t.solutions.externalId));
  const problems = () => db.orm.select().from(db.t.problems).where(eq(db.t.problems.projectId, project.id)).orderBy(asc(db.t.problems.externalId));
  const judgments = async (solutionExternalId: string) => {
    const t = db.t;
    return db.orm.select({ j: t.ormJudgments }).from(t.ormJudgments).innerJoin(t.solutions, eq(t.solutions.id, t.ormJudgments.solutionId))
      .where(and(eq(t.solutions.projectId, project.id), eq(t.solutions.externalId, solutionExternalId))).orderBy(asc(t.ormJudgments.model))
      .then((rows) => rows.map((r) => r.j));
  };
  return { db, project, dir, file, run, solutions, problems, judgments };
}

afterAll(removeTempDirs);

describe('importNativeFile', () => {
  it('stores good lines with their steps, round and parsed ORM step', async () => {
    const { run, solutions, problems, judgments } = await setup([
      nativeLine('p-1', 's-1'),
      nativeLine('p-1', 's-2', { orm: [{ model: 'orm-v1', status: 'WRONG', error_step: 'the algebra looks off' }, { model: 'orm-v2', status: 'CORRECT' }] }),
      nativeLine('p-2', 's-3', { solution: { steps: undefined, text: 'Step 1: Let x = 2.\n\nStep 2: So 2x = 4.' } }),
    ]);
    const summary = await run();
    expect(summary).toMatchObject({
      lines: 3, imported: { problems: 2, solutions: 3, ormJudgments: 4, annotations: 0, images: 0 }, unchanged: 0, badCount: 0, bad: [], committed: true,
    });
    const stored = await solutions();
    expect(stored.map((s) => [s.externalId, s.round, s.steps, s.rawText])).toEqual([
      ['s-1', 2, ['First.', 'Second.', 'Third.'], null],
      ['s-2', 2, ['First.', 'Second.', 'Third.'], null],
      ['s-3', 2, ['Let x = 2.', 'So 2x = 4.'], 'Step 1: Let x = 2.\n\nStep 2: So 2x = 4.'],
    ]);
    expect((await problems()).map((p) => [p.externalId, p.question, p.answer, p.subject])).toEqual([
      ['p-1', 'What is p-1?', '42', 'geometry'], ['p-2', 'What is p-2?', '42', 'geometry'],
    ]);
    expect((await judgments('s-1')).map((j) => [j.model, j.errorStep, j.errorStepIndex, j.stepUnclear, j.score])).toEqual([['orm-v1', 'Step 2', 1, false, 0.2]]);
    expect((await judgments('s-2')).map((j) => [j.model, j.status, j.errorStepIndex, j.stepUnclear])).toEqual([
      ['orm-v1', 'WRONG', null, true], ['orm-v2', 'CORRECT', null, false],
    ]);
  });

  it('reports bad lines by number and reason and stores the good ones', async () => {
    const { run, solutions } = await setup([
      nativeLine('p-1', 's-1'),
      '{"problem": {"id": "p-2",',
      '',
      nativeLine('p-3', 's-3', { solution: { steps: 'one two' } }),
      nativeLine('p-4', 's-4', { problem: { question: undefined } }),
      nativeLine('p-5', 's-5'),
    ]);
    const summary = await run();
    expect(summary.lines).toBe(5);
    expect(summary.badCount).toBe(3);
    expect(summary.bad).toEqual([
      { line: 2, reason: expect.stringMatching(/^invalid JSON: /) },
      { line: 4, reason: 'solution.steps: expected array, received string' },
      { line: 5, reason: 'problem.question: missing (expected string)' },
    ]);
    expect((await solutions()).map((s) => s.externalId)).toEqual(['s-1', 's-5']);
  });

  it('with strict stores nothing when a line is bad — even one in a later batch', async () => {
    const lines = Array.from({ length: 7 }, (_, i) => nativeLine(`p-${i}`, `s-${i}`));
    lines.push(nativeLine('p-0', 's-x', { problem: { question: 'changed' } }));
    const { db, run, solutions } = await setup(lines);
    const before = await contentChecksum(db);
    const summary = await run({ strict: true, batchSize: 3 });
    expect(summary).toMatchObject({ strict: true, committed: false, badCount: 1, imported: { problems: 0, solutions: 0 } });
    expect(summary.bad).toEqual([{ line: 8, reason: 'problem p-0 conflicts with the stored one (question differs)' }]);
    expect(await solutions()).toEqual([]);
    expect(await contentChecksum(db)).toEqual(before);
  });

  it('with strict and a clean file stores everything', async () => {
    const { run, solutions } = await setup([nativeLine('p-1', 's-1'), nativeLine('p-1', 's-2')]);
    expect(await run({ strict: true, batchSize: 1 })).toMatchObject({ committed: true, lines: 2, badCount: 0, imported: { problems: 1, solutions: 2 } });
    expect(await solutions()).toHaveLength(2);
  });

  it('changes nothing when the same file is imported again', async () => {
    const png = makePng(2, 3, [1, 2, 3]);
    const { db, dir, run } = await setup([
      nativeLine('p-1', 's-1', { problem: { images: ['img/a.png'] }, annotations: [{ annotator: 'rex', verdict: 'incorrect', firstErrorStep: 1 }] }),
      nativeLine('p-1', 's-2', { problem: { images: ['img/a.png'] } }),
      nativeLine('p-2', 's-3', { problem: { images: [`data:image/png;base64,${makePng(3, 1).toString('base64')}`] } }),
    ]);
    mkdirSync(join(dir, 'img'));
    writeFileSync(join(dir, 'img/a.png'), png);
    expect((await run({ batchSize: 2 })).imported).toEqual({ problems: 2, solutions: 3, ormJudgments: 3, annotations: 1, images: 2 });
    const before = await contentChecksum(db);
    const again = await run({ batchSize: 2 });
    expect(again).toMatchObject({ lines: 3, unchanged: 3, badCount: 0, imported: { problems: 0, solutions: 0, ormJudgments: 0, annotations: 0, images: 0 } });
    expect(await contentChecksum(db)).toEqual(before);
  });

  it('adds the judgment of a new ORM model on re-import', async () => {
    const { dir, project, run, judgments } = await setup([nativeLine('p-1', 's-1')]);
    await run();
    const second = writeJsonl(dir, 'second.jsonl', [nativeLine('p-1', 's-1', {
      orm: [{ model: 'orm-v1', status: 'WRONG', error_step: 'Step 2', error_analysis: 'bad', improvement_suggestion: 'fix', score: 0.2 },
        { model: 'orm-v2', status: 'WRONG', error_step: 'Step 3' }],
    })]);
    const summary = await importNativeFile(database.db, { file: second, project, strict: false, actorId: null });
    expect(summary).toMatchObject({ imported: { problems: 0, solutions: 0, ormJudgments: 1 }, unchanged: 0, badCount: 0 });
    expect((await judgments('s-1')).map((j) => [j.model, j.errorStepIndex])).toEqual([['orm-v1', 1], ['orm-v2', 2]]);
  });

  it('refuses lines that conflict with stored data and leaves it untouched', async () => {
    const { db, dir, project, run } = await setup([nativeLine('p-1', 's-1')]);
    await run();
    const before = await contentChecksum(db);
    const conflicting = writeJsonl(dir, 'conflict.jsonl', [
      nativeLine('p-1', 's-9', { problem: { question: 'Another question', subject: 'algebra' } }),
      nativeLine('p-1', 's-1', { solution: { steps: ['Only one.'] } }),
      nativeLine('p-1', 's-1', { orm: { model: 'orm-v1', status: 'CORRECT' } }),
    ]);
    const summary = await importNativeFile(db, { file: conflicting, project, strict: false, actorId: null });
    expect(summary.bad).toEqual([
      { line: 1, reason: 'problem p-1 conflicts with the stored one (question and subject differ)' },
      { line: 2, reason: 'solution s-1 conflicts with the stored one (steps differ)' },
      { line: 3, reason: 'the ORM judgment of orm-v1 conflicts with the stored one (status, error_step, error_analysis, improvement_suggestion and score differ)' },
    ]);
    expect(await contentChecksum(db)).toEqual(before);
  });

  it('refuses images outside the folder, absolute or remote, with reasons', async () => {
    const lines = ['../x.png', '/etc/passwd', 'http://example.com/d.png', 'img/missing.png', 'link.png', 'notes.txt']
      .map((ref, i) => nativeLine(`p-${i}`, `s-${i}`, { problem: { images: [ref] } }));
    const { dir, run, solutions } = await setup(lines);
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.png'), makePng(1, 1));
    symlinkSync(join(outside, 'secret.png'), join(dir, 'link.png'));
    writeFileSync(join(dir, 'notes.txt'), 'not an image');
    const summary = await run();
    expect(summary.bad).toEqual([
      { line: 1, reason: "problem.images[0]: image path escapes the file's folder" },
      { line: 2, reason: "problem.images[0]: absolute image paths are refused: give a path relative to the JSONL file's folder" },
      { line: 3, reason: expect.stringMatching(/^problem\.images\[0\]: remote image URLs are not fetched \(http:\/\/example\.com\/d\.png\)/) },
      { line: 4, reason: 'problem.images[0]: image file img/missing.png not found' },
      { line: 5, reason: "problem.images[0]: image path escapes the file's folder (link.png is a link to somewhere outside it)" },
      { line: 6, reason: 'problem.images[0]: image file notes.txt: not a PNG, JPEG, GIF, WebP or SVG image' },
    ]);
    expect(await solutions()).toEqual([]);
  });

  it('stores images content-addressed: one row for the same bytes on two problems', async () => {
    const png = makePng(2, 3, [9, 8, 7]);
    const dataUrl = `data:image/png;base64,${png.toString('base64')}`;
    const { db, dir, run, problems } = await setup([
      nativeLine('p-1', 's-1', { problem: { images: [dataUrl, 'diagram.jpg'] } }),
      nativeLine('p-2', 's-2', { problem: { images: ['same.png'] } }),
    ]);
    writeFileSync(join(dir, 'same.png'), png);
    copyFileSync('/work/shared/data/multimodal/images/mathv_11.jpg', join(dir, 'diagram.jpg'));
    expect((await run()).imported.images).toBe(2);
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(png).digest('hex');
    const rows = await db.orm.select().from(db.t.images).where(eq(db.t.images.sha256, sha));
    expect(rows.map((r) => [r.mime, r.width, r.height, r.bytes, Buffer.from(r.data).equals(png)])).toEqual([['image/png', 2, 3, png.length, true]]);
    const [p1, p2] = await problems();
    const links = await db.orm.select().from(db.t.problemImages).orderBy(asc(db.t.problemImages.problemId), asc(db.t.problemImages.position));
    const mine = links.filter((l) => l.problemId === p1?.id || l.problemId === p2?.id);
    expect(mine.map((l) => [l.problemId === p1?.id ? 'p-1' : 'p-2', l.position, l.imageSha256 === sha])).toEqual([
      ['p-1', 0, true], ['p-1', 1, false], ['p-2', 0, true],
    ]);
    const [jpeg] = await db.orm.select().from(db.t.images).where(eq(db.t.images.sha256, mine[1]?.imageSha256 ?? ''));
    expect([jpeg?.mime, jpeg?.width, jpeg?.height]).toEqual(['image/jpeg', 307, 460]);
  });

  it('reads a CRLF file with a byte-order mark', async () => {
    const { run, solutions } = await setup([nativeLine('p-1', 's-1'), nativeLine('p-2', 's-2'), ''], { eol: '\r\n', bom: true });
    expect(await run()).toMatchObject({ lines: 2, badCount: 0 });
    expect((await solutions()).map((s) => s.steps.at(-1))).toEqual(['Third.', 'Third.']);
  });

  it('overrides the round when asked', async () => {
    const { run, solutions } = await setup([nativeLine('p-1', 's-1')]);
    await run({ round: 7 });
    expect((await solutions())[0]?.round).toBe(7);
  });
});
