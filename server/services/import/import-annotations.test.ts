import { asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/hooks';
import { ensureProject } from '../projects';
import { importNativeFile } from './import-native';
import { contentChecksum, nativeLine, tempDir, writeJsonl, removeTempDirs } from './test-files';

const database = useTestDatabase();

afterAll(removeTempDirs);

describe('importNativeFile: imported human labels', () => {
  it('creates imported annotators and submitted annotations with a first revision', async () => {
    const db = database.db;
    const project = await ensureProject(db, 'labels', null);
    const alice = { annotator: 'alice-imp', verdict: 'incorrect', firstErrorStep: 2, errorType: 'calculation', errorAnalysis: '$3 \\neq 4$', stepRatings: [1, 0, -1] };
    const bob = { annotator: 'bob-imp', verdict: 'correct', flags: { unsure: true }, correctedSolution: '1. a\n2. b', timeSpentMs: 900 };
    const file = writeJsonl(tempDir(), 'labels.jsonl', [
      nativeLine('p-1', 's-1', { annotations: [alice, bob] }),
      nativeLine('p-1', 's-2', { annotations: [{ ...alice, errorType: 'made-up' }] }),
    ]);
    const summary = await importNativeFile(db, { file, project, strict: false, actorId: null });
    expect(summary.imported.annotations).toBe(2);
    expect(summary.bad).toEqual([{ line: 2, reason: expect.stringMatching(/^annotations\[0\]\.errorType "made-up" is not in the project's taxonomy/) }]);

    const t = db.t;
    const users = await db.orm.select().from(t.users).orderBy(asc(t.users.name));
    expect(users.map((u) => [u.name, u.role, u.imported, u.passwordHash])).toEqual([
      ['alice-imp', 'annotator', true, null], ['bob-imp', 'annotator', true, null],
    ]);
    const rows = await db.orm.select({ a: t.annotations, name: t.users.name }).from(t.annotations)
      .innerJoin(t.users, eq(t.users.id, t.annotations.annotatorId)).orderBy(asc(t.users.name));
    expect(rows.map(({ a, name }) => [name, a.status, a.version, a.imported, a.verdict, a.firstErrorStep, a.stepRatings, a.errorType, a.unsure, a.correctedSolution, a.timeSpentMs]))
      .toEqual([
        ['alice-imp', 'submitted', 1, true, 'incorrect', 2, [1, 0, -1], 'calculation', false, null, 0],
        ['bob-imp', 'submitted', 1, true, 'correct', null, null, null, true, ['a', 'b'], 900],
      ]);
    expect(rows.every(({ a }) => a.submittedAt instanceof Date)).toBe(true);
    const revisions = await db.orm.select().from(t.annotationRevisions).orderBy(asc(t.annotationRevisions.annotationId));
    expect(revisions).toHaveLength(2);
    expect(revisions[0]).toMatchObject({ version: 1, status: 'submitted', snapshot: { verdict: 'incorrect', firstErrorStep: 2, errorAnalysis: '$3 \\neq 4$', flags: { badProblem: false, unsure: false } } });

    const audit = await db.orm.select().from(t.auditLog).where(eq(t.auditLog.action, 'import'));
    expect(audit.at(-1)).toMatchObject({ projectId: project.id, details: { lines: 2, badCount: 1, imported: { annotations: 2 } } });

    // Same labels again: nothing changes. A changed label for the same annotator is a bad line.
    const before = await contentChecksum(db);
    expect(await importNativeFile(db, { file, project, strict: false, actorId: null })).toMatchObject({ unchanged: 1, badCount: 1 });
    expect(await contentChecksum(db)).toEqual(before);
    const changed = writeJsonl(tempDir(), 'changed.jsonl', [nativeLine('p-1', 's-1', { annotations: [{ ...alice, firstErrorStep: 1 }] })]);
    expect((await importNativeFile(db, { file: changed, project, strict: false, actorId: null })).bad)
      .toEqual([{ line: 1, reason: 'the annotation by alice-imp conflicts with the stored one (firstErrorStep differs)' }]);
    expect(await contentChecksum(db)).toEqual(before);
  });
});
