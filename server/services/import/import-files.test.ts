import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/hooks';
import { ensureProject } from '../projects';
import { importNativeFile, importNativeFiles } from './import-native';
import { contentChecksum, nativeLine, tempDir, writeJsonl, removeTempDirs } from './test-files';

const database = useTestDatabase();

afterAll(removeTempDirs);

describe('importNativeFiles', () => {
  it('with strict checks later files against earlier ones and stores nothing on a conflict', async () => {
    const db = database.db;
    const project = await ensureProject(db, 'multi-strict', null);
    const dir = tempDir();
    const first = writeJsonl(dir, 'a.jsonl', [nativeLine('p-1', 's-1'), nativeLine('p-2', 's-2')]);
    const second = writeJsonl(dir, 'b.jsonl', [nativeLine('p-3', 's-3'), nativeLine('p-4', 's-1')]);
    const before = await contentChecksum(db);
    const summaries = await importNativeFiles(db, { files: [first, second], project, strict: true, actorId: null });
    expect(summaries.map((s) => [s.committed, s.badCount, s.bad])).toEqual([
      [false, 0, []],
      [false, 1, [{ line: 2, reason: 'solution s-1 conflicts with the stored one (problem differs)' }]],
    ]);
    expect(await contentChecksum(db)).toEqual(before);

    const fixed = writeJsonl(dir, 'c.jsonl', [nativeLine('p-3', 's-3')]);
    const ok = await importNativeFiles(db, { files: [first, fixed], project: project.name, strict: true, actorId: null });
    expect(ok.map((s) => [s.committed, s.lines, s.imported.solutions])).toEqual([[true, 2, 2], [true, 1, 1]]);
  });

  it('judges a line against earlier lines of the same batch', async () => {
    const db = database.db;
    const project = await ensureProject(db, 'same-batch', null);
    const file = writeJsonl(tempDir(), 'a.jsonl', [
      nativeLine('p-1', 's-1'),
      nativeLine('p-1', 's-2', { problem: { answer: '43' } }),
      nativeLine('p-1', 's-1'),
      nativeLine('p-1', 's-1', { orm: { model: 'orm-v2', status: 'CORRECT' } }),
    ]);
    const summary = await importNativeFile(db, { file, project, strict: false, actorId: null });
    expect(summary).toMatchObject({ unchanged: 1, imported: { problems: 1, solutions: 1, ormJudgments: 2 } });
    expect(summary.bad).toEqual([{ line: 2, reason: 'problem p-1 conflicts with the stored one (answer differs)' }]);
  });

  it('refuses NUL characters and keeps other text verbatim on both databases', async () => {
    const db = database.db;
    const project = await ensureProject(db, 'verbatim', null);
    const tricky = '<script>alert(1)</script> $\\href{javascript:x}{y}$ 🧮 \\u0000 as text';
    const file = writeJsonl(tempDir(), 'a.jsonl', [
      nativeLine('p-1', 's-1', { problem: { question: tricky } }),
      nativeLine('p-2', 's-2').replace('"First."', '"Fir\\u0000st."'),
    ]);
    const summary = await importNativeFile(db, { file, project, strict: false, actorId: null });
    expect(summary.bad).toEqual([{ line: 2, reason: 'solution.steps[0]: contains a NUL character (\\u0000), which cannot be stored' }]);
    const [row] = await db.orm.select().from(db.t.problems).where(eq(db.t.problems.projectId, project.id));
    expect(row?.question).toBe(tricky);
  });

  it('fails clearly on a missing file or project', async () => {
    const db = database.db;
    await expect(importNativeFile(db, { file: '/nonexistent/x.jsonl', project: 'verbatim', strict: false, actorId: null }))
      .rejects.toThrow('/nonexistent/x.jsonl: no such file');
    await expect(importNativeFile(db, { file: 'x.jsonl', project: 'no-such-project', strict: false, actorId: null }))
      .rejects.toThrow('no project named "no-such-project"');
  });
});
