// Reading a scope's annotations in two parts at once (the later solutions in a worker thread on
// its own read-only SQLite connection) must give exactly the data one read gives.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/hooks';
import { testDialect } from '../../test/test-database';
import { AGREEMENT_PROJECT, seedAgreementProject } from './agreement-test-project';
import { idRange, loadAgreementData, planSplit, readInWorker, type AgreementScope } from './load-agreement-data';

const t = useTestDatabase();
let scope: AgreementScope;
let ids: number[];

beforeAll(async () => {
  ids = (await seedAgreementProject(t.db)).solutionIds;
  const [project] = await t.db.orm.select().from(t.db.t.projects).where(eq(t.db.t.projects.name, AGREEMENT_PROJECT));
  scope = { projectId: project!.id, round: null, subject: null, annotatorId: null, ormModel: null };
});

describe('loadAgreementData in two parts', () => {
  it(testDialect() === 'sqlite'
    ? 'SQLite file: splits the scope inside its id range (both parts non-empty)'
    : 'PostgreSQL: never splits (one read on this thread)', async () => {
    const range = (await idRange(t.db, 's.project_id = ?', [scope.projectId]))!;
    expect(range).toEqual({ count: ids.length, min: Math.min(...ids), max: Math.max(...ids) });
    const split = await planSplit(t.db, 's.project_id = ?', [scope.projectId], true, range);
    if (testDialect() === 'sqlite') {
      expect(split).not.toBeNull();
      expect(split!.pivot).toBeGreaterThanOrEqual(Math.min(...ids));
      expect(split!.pivot).toBeLessThan(Math.max(...ids));
    } else {
      expect(split).toBeNull();
    }
    // Below the size where a thread pays off, the default reads in one part.
    expect(await planSplit(t.db, 's.project_id = ?', [scope.projectId], undefined, range)).toBeNull();
  });

  it('gives the same data as one read: whole project, a round, an annotator, a subject', async () => {
    const [ann] = await t.db.orm.select().from(t.db.t.users).where(eq(t.db.t.users.name, 'ann'));
    for (const s of [scope, { ...scope, round: 1 }, { ...scope, annotatorId: ann!.id }, { ...scope, subject: 'geometry' }]) {
      const one = await loadAgreementData(t.db, s, { parallel: false });
      const two = await loadAgreementData(t.db, s, { parallel: true });
      expect(two).toEqual(one);
      expect(one.annotations.rater.length).toBeGreaterThan(0);
    }
  });

  // Only SQLite reads in a worker thread (PostgreSQL never starts one: see the first test).
  if (testDialect() === 'sqlite') {
    it('a failing read in the worker rejects with the database error', async () => {
      const file = t.db.driver.kind === 'sqlite' ? t.db.driver.sqlite.name : '';
      const reader = readInWorker({ file, sql: 'SELECT nope FROM annotations WHERE id BETWEEN ? AND ?', params: [], from: 1, to: 10 });
      await expect(reader.part).rejects.toThrow(/no such column: nope/);
      reader.stop();
    });
  }
});
