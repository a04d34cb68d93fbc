import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiToken } from '../services/tokens';
import { startServer, sqliteIntegrity, tolerateDroppedConnections, type RedlineProcess } from './crash-process';
import { useTestDatabase } from './hooks';
import { seedProject, seedUser, type SeededProject } from './seed';
import { testDialect } from './test-database';

// Issue 8, outcome 6 (b): SIGKILL `redline serve` in the middle of a burst of annotation
// submissions over HTTP. Every submission the server acknowledged (200) must survive the crash
// with its content; the database must be intact and serve again.

const t = useTestDatabase();
const ANNOTATORS = ['ann-a', 'ann-b', 'ann-c'];
const SOLUTIONS = 60;
/** Killed once this many submissions were acknowledged: the burst is still in flight. */
const KILL_AFTER_ACKS = 15;

let seeded: SeededProject;
const tokens = new Map<string, string>();
const servers: RedlineProcess[] = [];
afterAll(async () => {
  for (const server of servers) await server.kill();
});

beforeAll(async () => {
  if (inject('skipReason')) return;
  tolerateDroppedConnections(t.db);
  for (const name of ANNOTATORS) {
    await seedUser(t.db, name);
    tokens.set(name, await createApiToken(t.db, name));
  }
  seeded = await seedProject(t.db, { name: 'crash', overlap: ANNOTATORS.length, problems: SOLUTIONS, members: ANNOTATORS });
});

const body = (annotator: string, solutionId: number) => ({
  verdict: 'incorrect', firstErrorStep: 1, stepRatings: null, errorType: 'calculation',
  errorAnalysis: `acknowledged: ${annotator} on ${solutionId}`, improvementSuggestion: `redo step 2 of ${solutionId}`,
  correctedSolution: null, regions: [], flags: { badProblem: false, unsure: true }, timeSpentMs: solutionId,
  status: 'submitted', version: 0,
});

function call(url: string, annotator: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${tokens.get(annotator)}`, 'content-type': 'application/json', ...init.headers },
  });
}

describe(`crash during annotation submissions (${testDialect()})`, () => {
  // Two server starts (tsx compiles the server each time) dominate: ~15 s on an idle 2-core machine.
  it('keeps every acknowledged submission with its content after SIGKILL, and serves again', { timeout: 90_000 }, async () => {
    const server = await startServer(t.url);
    servers.push(server);
    const acked: { annotator: string; solutionId: number }[] = [];
    let failed = 0;
    let killed: Promise<void> | undefined;
    const burst = ANNOTATORS.flatMap((annotator) => seeded.solutionIds.map(async (solutionId) => {
      try {
        const res = await call(server.url, annotator, `/api/solutions/${solutionId}/annotation`, { method: 'PUT', body: JSON.stringify(body(annotator, solutionId)) });
        if (res.status === 200) {
          // Acknowledged only once the whole response arrived.
          await res.json();
          acked.push({ annotator, solutionId });
          if (acked.length === KILL_AFTER_ACKS) killed = server.kill();
        } else {
          failed++;
          throw new Error(`unexpected ${res.status}: ${await res.text()}`);
        }
      } catch (error) {
        if (!killed) throw error;
      }
    }));
    const settled = await Promise.allSettled(burst);
    await killed;
    expect(settled.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    expect(failed).toBe(0);
    expect(server.child.signalCode).toBe('SIGKILL');
    const total = ANNOTATORS.length * SOLUTIONS;
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    // The kill really cut the burst short.
    expect(acked.length).toBeLessThan(total);

    if (testDialect() === 'sqlite') expect(sqliteIntegrity(t.url)).toBe('ok');
    const again = await startServer(t.url);
    servers.push(again);
    for (const { annotator, solutionId } of acked) {
      const res = await call(again.url, annotator, `/api/solutions/${solutionId}`);
      expect(res.status).toBe(200);
      const view = (await res.json()) as { annotation: Record<string, unknown> | null };
      expect(view.annotation, `${annotator} on ${solutionId}`).toMatchObject({
        status: 'submitted', version: 1, errorAnalysis: `acknowledged: ${annotator} on ${solutionId}`,
        improvementSuggestion: `redo step 2 of ${solutionId}`, firstErrorStep: 1, timeSpentMs: solutionId,
      });
    }
    // Whatever was cut off is all-or-nothing: every stored annotation has its revision.
    const { annotations, annotationRevisions } = t.db.t;
    const stored = await t.db.orm.select().from(annotations);
    expect(stored.length).toBeGreaterThanOrEqual(acked.length);
    for (const row of stored) {
      const revisions = await t.db.orm.select().from(annotationRevisions)
        .where(and(eq(annotationRevisions.annotationId, row.id), eq(annotationRevisions.version, row.version)));
      expect(revisions).toHaveLength(1);
    }
    // And the restarted server takes the rest of the work.
    const rest = await call(again.url, ANNOTATORS[0]!, '/api/projects/crash/queue/next', { method: 'POST', body: '{}' });
    expect([200, 204]).toContain(rest.status);
    await again.kill();
  });
});
