import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '../test/hooks';
import { seedProject } from '../test/seed';
import { HEARTBEAT_MS, ProgressWriter, type ImportJobProgress } from './import-jobs';

/**
 * A running import must keep its job row fresh even when no batch ends for a long time (a slow
 * batch, a long strict validation): otherwise stale-job cleanup (10 minutes) would take it for
 * one whose server stopped. Timers and the clock are faked; the database is real.
 */
const t = useTestDatabase();
afterEach(() => {
  vi.useRealTimers();
});

describe('the import progress writer', () => {
  it('rewrites updated_at at least every 30 s while no progress arrives, and stops when settled', async () => {
    const { project } = await seedProject(t.db, { name: 'heartbeat', problems: 0 });
    const start = new Date('2026-05-01T10:00:00Z');
    const progress: ImportJobProgress = {
      format: 'auto', round: null, strict: false, files: ['a.jsonl'], fileIndex: 0, file: 'a.jsonl', lines: 0, bad: 0, bytesRead: 0, totalBytes: 0,
    };
    const [row] = await t.db.orm.insert(t.db.t.jobs).values({
      kind: 'import', projectId: project.id, status: 'running', progress: { ...progress }, createdAt: start, updatedAt: start,
    }).returning({ id: t.db.t.jobs.id });
    const updatedAt = async () => (await t.db.orm.select({ at: t.db.t.jobs.updatedAt }).from(t.db.t.jobs).where(eq(t.db.t.jobs.id, row!.id)))[0]!.at;

    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: start });
    const errors: object[] = [];
    const writer = new ProgressWriter(t.db, row!.id, () => new Date(), { error: (details) => errors.push(details) }, progress);
    const beats: Date[] = [];
    for (let i = 0; i < 4; i += 1) {
      await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
      await writer.settleWrites();
      beats.push(await updatedAt());
    }
    expect(HEARTBEAT_MS).toBeLessThanOrEqual(30_000);
    // After each 30 s without progress the row was written within the last 30 s, every time anew.
    beats.forEach((beat, i) => expect(start.getTime() + (i + 1) * HEARTBEAT_MS - beat.getTime()).toBeLessThanOrEqual(HEARTBEAT_MS));
    expect(new Set(beats.map((b) => b.getTime())).size).toBe(4);

    await writer.settle();
    await vi.advanceTimersByTimeAsync(3 * HEARTBEAT_MS);
    expect(await updatedAt()).toEqual(beats[3]);
    expect(errors).toEqual([]);
  });
});
