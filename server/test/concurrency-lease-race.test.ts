import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app';
import { signIn, type Caller } from './app-client';
import { stallRevisionWrites, until } from './concurrency-stall';
import { useTestDatabase } from './hooks';
import { seedProject, seedUser, TEST_PASSWORD, type SeededProject } from './seed';
import { testDialect } from './test-database';

// The race a lapsed lease opens, made to happen rather than hoped for. With k = 1, `late` held
// the only slot and let the lease lapse; `late` submits at the very moment `newcomer` asks for
// work. Only one of them may end up with the slot.
//
// On PostgreSQL the test pauses late's transaction after it has checked the slot and before it
// commits (another connection locks annotation_revisions, which the save writes last), then lets
// newcomer ask. Before the fix, the save checked the slot without the project's assignment lock:
// newcomer was handed the slot too, and both submissions landed (2 > k). Now the save holds the
// lock, newcomer waits for it and then finds the slot taken. On SQLite, transactions take turns
// on the one connection, so the bad interleaving cannot be produced; the same requests still
// race and the same outcome is required.

const t = useTestDatabase();
let app: App;
let seeded: SeededProject;
let clock = new Date('2026-03-01T09:00:00Z');
const callers: Record<string, Caller> = {};

const submission = {
  verdict: 'correct', firstErrorStep: null, stepRatings: null, errorType: null, errorAnalysis: 'late but sure',
  improvementSuggestion: '', correctedSolution: null, regions: [], flags: { badProblem: false, unsure: false },
  timeSpentMs: 0, status: 'submitted', version: 0,
};

beforeAll(async () => {
  app = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false }, now: () => clock });
  for (const name of ['late', 'newcomer']) await seedUser(t.db, name);
  seeded = await seedProject(t.db, { name: 'lapse', overlap: 1, problems: 1, members: ['late', 'newcomer'] });
  for (const name of ['late', 'newcomer']) callers[name] = await signIn(app, name, TEST_PASSWORD);
});
afterAll(async () => app?.close());

describe('a lapsed lease and a newcomer race for the last slot', () => {
  it('leaves the slot to exactly one of them (k = 1 submitted, never 2)', async () => {
    const solutionId = seeded.solutionIds[0]!;
    const first = await callers.late!.post('/api/projects/lapse/queue/next');
    expect(first.json().solution.id).toBe(solutionId);
    clock = new Date(clock.getTime() + 31 * 60_000); // late's 30-minute lease has lapsed

    let submitted: Promise<{ statusCode: number }>;
    let asked: Promise<{ statusCode: number }>;
    if (testDialect() === 'postgres') {
      const stall = await stallRevisionWrites(t.url);
      try {
        submitted = callers.late!.put(`/api/solutions/${solutionId}/annotation`, submission);
        // late has checked the slot and written its annotation; its revision waits.
        expect(await until(async () => (await stall.waiting()) >= 1)).toBe(true);
        asked = callers.newcomer!.post('/api/projects/lapse/queue/next');
        let answered = false;
        void asked.then(() => (answered = true), () => (answered = true));
        // newcomer either waits for the assignment lock (fixed) or is served at once (the race).
        expect(await until(async () => answered || (await stall.waiting()) >= 2)).toBe(true);
      } finally {
        await stall.release();
      }
    } else {
      submitted = callers.late!.put(`/api/solutions/${solutionId}/annotation`, submission);
      asked = callers.newcomer!.post('/api/projects/lapse/queue/next');
    }

    const [late, newcomer] = await Promise.all([submitted, asked]);
    if (newcomer.statusCode === 200) {
      // newcomer got the slot: its submission must land and late's must have been refused, or
      // the other way round — never both.
      const second = await callers.newcomer!.put(`/api/solutions/${solutionId}/annotation`, submission);
      expect([late.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    } else {
      expect(newcomer.statusCode).toBe(204);
      expect(late.statusCode).toBe(200);
    }
    const rows = await t.db.orm.select().from(t.db.t.annotations).where(eq(t.db.t.annotations.solutionId, solutionId));
    expect(rows.filter((r) => r.status === 'submitted')).toHaveLength(1);
    if (testDialect() === 'postgres') {
      // With the lock held through late's save, newcomer can only have come after it.
      expect([late.statusCode, newcomer.statusCode]).toEqual([200, 204]);
    }
  });
});
