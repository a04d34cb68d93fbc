import { eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/hooks';
import { ensureProject } from '../projects';
import { insertRows } from './insert-rows';

const database = useTestDatabase();

/**
 * The importer's fast INSERT path must store exactly what drizzle stores: each table gets one row
 * through drizzle's own insert and a twin (differing only in its unique key) through insertRows,
 * and every other column must read back identically — as raw SQLite values (JSON text, 0/1,
 * epoch ms, blob, NULL vs 'null'), and through drizzle on both dialects.
 */
describe('insertRows', () => {
  it('stores the same column values as a drizzle insert, for every table the importer writes', async () => {
    const db = database.db;
    const t = db.t;
    const project = await ensureProject(db, 'insert-rows', null);
    const when = new Date('2026-03-04T05:06:07.089Z');
    const tricky = 'émoji 🧮, quote " backslash \\ and $\\frac{1}{2}$';

    await db.transaction(async (tx) => {
      const [user] = await tx.insert(t.users).values({ name: 'rows-annotator', role: 'annotator', passwordHash: null, imported: true }).returning();
      const problem = {
        projectId: project.id, question: tricky, answer: null, subject: 'geometry', source: '',
        metadata: { nested: { list: [1, 2.5, null, true], text: tricky } }, createdAt: when,
      };
      const problemIds = await twin(t.problems, { ...problem, externalId: 'p-drizzle' }, { ...problem, externalId: 'p-fast' }, ['externalId']);
      const solution = {
        projectId: project.id, problemId: problemIds.fast, model: 'm', round: 3, steps: [tricky, ''], finalAnswer: null,
        rawText: null, metadata: null, createdAt: when,
      };
      const solutionIds = await twin(t.solutions, { ...solution, externalId: 's-drizzle' }, { ...solution, externalId: 's-fast' }, ['externalId']);
      const judgment = {
        solutionId: solutionIds.fast, status: 'WRONG' as const, errorStep: 'Step 2', errorStepIndex: 1, stepUnclear: true,
        errorAnalysis: tricky, improvementSuggestion: null, score: 0.125, createdAt: when,
      };
      await twin(t.ormJudgments, { ...judgment, model: 'orm-drizzle' }, { ...judgment, model: 'orm-fast' });
      const image = { mime: 'image/png', width: 3, height: 4, bytes: 5, data: Buffer.from([0, 1, 2, 254, 255]), createdAt: when };
      await twin(t.images, { ...image, sha256: 'a'.repeat(64) }, { ...image, sha256: 'b'.repeat(64) });
      const annotation = {
        solutionId: solutionIds.fast, status: 'submitted' as const, version: 1, verdict: 'incorrect' as const, firstErrorStep: 0,
        stepRatings: [-1 as const, null], errorType: null, errorAnalysis: tricky, improvementSuggestion: '', correctedSolution: null,
        regions: [], badProblem: false, unsure: true, timeSpentMs: 0, imported: true, createdAt: when, updatedAt: when, submittedAt: null,
      };
      const [other] = await tx.insert(t.users).values({ name: 'rows-annotator-2', role: 'annotator', passwordHash: null, imported: true }).returning();
      await twin(t.annotations, { ...annotation, annotatorId: user?.id ?? 0 }, { ...annotation, annotatorId: other?.id ?? 0 }, ['solutionId', 'annotatorId']);

      /** Inserts `viaDrizzle` with drizzle and `viaFast` with insertRows; checks all but the key columns agree. */
      async function twin<T extends PgTable, R extends T['$inferInsert']>(
        table: T, viaDrizzle: R, viaFast: R, idBy?: (keyof R & string)[],
      ): Promise<{ drizzle: number; fast: number }> {
        const [drizzleRow] = await tx.insert(table).values(viaDrizzle as never).returning();
        const inserted = await insertRows(db, tx, table, [viaFast], { rowsPerStatement: 10, idBy });
        expect(inserted.count).toBe(1);
        const all = await tx.select().from(table as never) as Record<string, unknown>[];
        const keys = Object.keys(viaDrizzle).filter((k) => viaDrizzle[k as keyof R] === viaFast[k as keyof R]);
        const pick = (row: Record<string, unknown> | undefined) => Object.fromEntries(keys.map((k) => [k, row?.[k]]));
        const fastRow = all.find((row) => Object.keys(viaFast).every((k) => equal(row[k], viaFast[k as keyof R])));
        expect(fastRow, `the insertRows row of ${tableName(table)} reads back`).toBeDefined();
        expect(pick(fastRow)).toEqual(pick(drizzleRow as Record<string, unknown>));
        if (idBy) expect(inserted.ids).toEqual([fastRow?.id]);
        if (db.driver.kind === 'sqlite') {
          const raw = db.driver.sqlite.prepare(`select * from "${tableName(table)}"`).raw().all() as unknown[][];
          const columns = db.driver.sqlite.prepare(`select * from "${tableName(table)}"`).columns().map((c) => c.name);
          const differing = columns.filter((_c, i) => !equal(raw[0]?.[i], raw[1]?.[i]));
          const keyColumns = Object.keys(viaFast).filter((k) => !keys.includes(k)).map(snake);
          expect(differing.filter((c) => c !== 'id').sort()).toEqual(keyColumns.sort());
        }
        return { drizzle: Number((drizzleRow as { id?: number }).id), fast: inserted.ids[0] ?? 0 };
      }
    });
  });

  it('stores JSON null as SQL NULL and counts rows skipped by ignoreConflicts', async () => {
    const db = database.db;
    const t = db.t;
    const project = await ensureProject(db, 'insert-rows-null', null);
    await db.transaction(async (tx) => {
      const rows = ['n-1', 'n-2'].map((externalId) => ({
        projectId: project.id, externalId, question: 'q', answer: null, subject: null, source: null, metadata: null, createdAt: new Date(),
      }));
      const inserted = await insertRows(db, tx, t.problems, rows, { rowsPerStatement: 1, idBy: ['externalId'] });
      expect(inserted.count).toBe(2);
      const stored = await tx.select({ id: t.problems.id, externalId: t.problems.externalId, metadata: t.problems.metadata })
        .from(t.problems).where(eq(t.problems.projectId, project.id));
      expect(stored.map((r) => [r.id, r.externalId, r.metadata])).toEqual(rows.map((r, i) => [inserted.ids[i], r.externalId, null]));
      if (db.driver.kind === 'sqlite') {
        const nulls = db.driver.sqlite.prepare('select count(*) as n from problems where project_id = ? and metadata is null').get(project.id);
        expect(nulls).toEqual({ n: 2 });
      }
      const image = { sha256: 'c'.repeat(64), mime: 'image/png', width: 1, height: 1, bytes: 1, data: Buffer.from([7]), createdAt: new Date() };
      expect((await insertRows(db, tx, t.images, [image], { rowsPerStatement: 16, ignoreConflicts: true })).count).toBe(1);
      expect((await insertRows(db, tx, t.images, [image, { ...image, sha256: 'd'.repeat(64) }], { rowsPerStatement: 16, ignoreConflicts: true })).count).toBe(1);
    });
  });
});

function tableName(table: PgTable): string {
  return (table as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')] ?? '';
}

function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b) || (Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b));
}
