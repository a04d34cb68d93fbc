import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE } from '../../shared/constants';
import { createSession } from '../services/sessions';
import { startServerProcess, type ServerProcess } from './concurrency-servers';
import { useTestDatabase } from './hooks';
import { seedProject, seedUser } from './seed';
import { testDialect } from './test-database';

// Issue 4, outcome 7: the queue's promises under real concurrency. Separate `redline serve`
// processes share one database — two on PostgreSQL, one on SQLite (one file, one writer) — and
// simulated annotators work them over HTTP at once until each is told the queue is empty.

const t = useTestDatabase();
const INSTANCES = testDialect() === 'postgres' ? 2 : 1;
const ANNOTATORS = 24;
const SOLUTIONS = 60;
const K = 3;
/**
 * Skips: annotator i may skip only solutions with (id + i) % SKIP_GROUPS = 0, at most MAX_SKIPS
 * of them. So at most ANNOTATORS / SKIP_GROUPS = 3 annotators can skip any one solution and at
 * least 21 ≥ k remain for it: the queue must fill every solution.
 */
const SKIP_GROUPS = 8;
const MAX_SKIPS = 2;
const SKIP_RATE = 0.6;
const DRAFT_RATE = 0.3;
/** The workers stop on their own by then, failing the test, whatever happens. */
const WORK_DEADLINE_MS = 30_000;
const PROJECT = 'race';

interface Annotator {
  name: string;
  userId: number;
  cookie: string;
  csrf: string;
  server: ServerProcess;
  offered: number[];
  skipped: Set<number>;
  /** What the server acknowledged (200) as submitted: solution → what was sent. */
  acknowledged: Map<number, { errorAnalysis: string; verdict: string; firstErrorStep: number | null; version: number }>;
  finished: boolean;
}

const servers: ServerProcess[] = [];
const annotators: Annotator[] = [];
const anomalies: string[] = [];
let requests = 0;
/** Workers between an offer and their skip or submission, and skips acknowledged so far. */
let holding = 0;
let skipsDone = 0;

beforeAll(async () => {
  const names = Array.from({ length: ANNOTATORS }, (_, i) => `ann${String(i).padStart(2, '0')}`);
  const users = await Promise.all(names.map((name) => seedUser(t.db, name)));
  await seedProject(t.db, { name: PROJECT, overlap: K, problems: SOLUTIONS, members: names });
  const started = await Promise.allSettled(Array.from({ length: INSTANCES }, () => startServerProcess(t.url)));
  for (const s of started) if (s.status === 'fulfilled') servers.push(s.value); // afterAll stops these
  for (const s of started) if (s.status === 'rejected') throw s.reason;
  const now = new Date();
  for (const [i, user] of users.entries()) {
    const { token, principal } = await t.db.transaction((tx) => createSession(t.db, tx, user, now));
    annotators.push({
      name: user.name, userId: user.id, cookie: `${SESSION_COOKIE}=${token}`, csrf: principal.csrfToken!,
      server: servers[i % INSTANCES]!, offered: [], skipped: new Set(), acknowledged: new Map(), finished: false,
    });
  }
}, 45_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

/** A small seeded generator, so each annotator's habits are reproducible (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 2 ** 32;
  };
}

interface Reply {
  status: number;
  // What the server sent, read only as far as the API contract (SPEC §8) promises.
  json: { solution: { id: number }; version: number } | null;
}

async function call(a: Annotator, method: string, path: string, body?: unknown): Promise<Reply> {
  requests += 1;
  const res = await fetch(`${a.server.url}${path}`, {
    method,
    headers: { cookie: a.cookie, [CSRF_HEADER]: a.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Reply['json']) : null };
}

function expectStatus(a: Annotator, what: string, res: Reply, status: number): void {
  if (res.status !== status) {
    const message = `${a.name}: ${what} answered ${res.status} ${JSON.stringify(res.json)} (expected ${status})`;
    anomalies.push(message);
    throw new Error(message);
  }
}

const judgment = (verdict: string, firstErrorStep: number | null, errorAnalysis: string) => ({
  verdict, firstErrorStep, stepRatings: null, errorType: null, errorAnalysis, improvementSuggestion: '',
  correctedSolution: null, regions: [], flags: { badProblem: false, unsure: false }, timeSpentMs: 1000,
});

/**
 * queue/next → (a draft now and then) → submit, or now and then a skip; until 204 holds for good.
 * A 204 means "nothing for you now": a slot another annotator holds reopens when they skip it, as
 * a real annotator would find on coming back. So a 204 ends the work only when nobody held an
 * item and no skip landed since the question was asked; otherwise the worker asks again.
 */
async function work(a: Annotator, index: number, deadline: number): Promise<void> {
  const chance = random(index + 1);
  for (let round = 0; Date.now() < deadline; round++) {
    const skipsBefore = skipsDone;
    const next = await call(a, 'POST', `/api/projects/${PROJECT}/queue/next`);
    if (next.status === 204) {
      if (holding === 0 && skipsDone === skipsBefore) {
        a.finished = true;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    expectStatus(a, 'queue/next', next, 200);
    holding += 1;
    try {
      await label(a, index, next.json!.solution.id, round, chance);
    } finally {
      holding -= 1;
    }
  }
  anomalies.push(`${a.name}: still working at the deadline`);
}

/** One offered item: a draft now and then, then a skip now and then, else a submission. */
async function label(a: Annotator, index: number, id: number, round: number, chance: () => number): Promise<void> {
  a.offered.push(id);
  let version = 0;
  const verdict = chance() < 0.5 ? 'correct' : 'incorrect';
  const firstErrorStep = verdict === 'incorrect' ? Math.floor(chance() * 3) : null;
  const text = `${a.name} on ${id}, round ${round}`;
  if (chance() < DRAFT_RATE) {
    const draft = await call(a, 'PUT', `/api/solutions/${id}/annotation`, { ...judgment(verdict, firstErrorStep, `${text} (draft)`), status: 'draft', version });
    expectStatus(a, `draft of ${id}`, draft, 200);
    version = draft.json!.version;
  }
  if ((id + index) % SKIP_GROUPS === 0 && a.skipped.size < MAX_SKIPS && chance() < SKIP_RATE) {
    expectStatus(a, `skip of ${id}`, await call(a, 'POST', `/api/solutions/${id}/skip`), 204);
    a.skipped.add(id);
    skipsDone += 1;
    return;
  }
  const put = await call(a, 'PUT', `/api/solutions/${id}/annotation`, { ...judgment(verdict, firstErrorStep, text), status: 'submitted', version });
  expectStatus(a, `submission of ${id}`, put, 200);
  a.acknowledged.set(id, { errorAnalysis: text, verdict, firstErrorStep, version: put.json!.version });
}

describe(`${ANNOTATORS} annotators on ${INSTANCES} server process(es), ${SOLUTIONS} solutions, overlap k = ${K}`, () => {
  it('ends with every solution at exactly k submitted annotations (at most 3 annotators may skip any one), nobody twice on one, every acknowledged submission stored as sent, no 5xx', async () => {
    const started = Date.now();
    const results = await Promise.allSettled(annotators.map((a, i) => work(a, i, started + WORK_DEADLINE_MS)));
    const seconds = (Date.now() - started) / 1000;
    for (const r of results) if (r.status === 'rejected' && !anomalies.includes(String(r.reason?.message))) anomalies.push(String(r.reason));
    if (anomalies.length > 0) {
      throw new Error(`${anomalies.join('\n')}\n--- last server lines ---\n${servers.map((s) => s.tail()).join('\n---\n')}`);
    }
    expect(annotators.every((a) => a.finished)).toBe(true);

    const { annotations, solutions, leases, projects } = t.db.t;
    const [project] = await t.db.orm.select().from(projects).where(eq(projects.name, PROJECT));
    const ids = (await t.db.orm.select({ id: solutions.id }).from(solutions).where(eq(solutions.projectId, project!.id))).map((r) => r.id);
    const rows = await t.db.orm.select().from(annotations);
    const submitted = rows.filter((r) => r.status === 'submitted');

    // Exactly k per solution: the queue hands out k slots and no more, and keeps offering a
    // solution while it has fewer than k and someone who has neither labelled nor skipped it.
    for (const id of ids) {
      const skippers = annotators.filter((a) => a.skipped.has(id)).length;
      expect(skippers).toBeLessThanOrEqual(ANNOTATORS / SKIP_GROUPS);
      expect({ id, submitted: submitted.filter((r) => r.solutionId === id).length }).toEqual({ id, submitted: K });
    }
    // Nobody twice on one solution, nobody on what they skipped, nobody offered the same twice.
    const pairs = rows.map((r) => `${r.solutionId}/${r.annotatorId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const a of annotators) {
      expect(new Set(a.offered).size).toBe(a.offered.length);
      for (const id of a.skipped) expect(submitted.some((r) => r.solutionId === id && r.annotatorId === a.userId)).toBe(false);
    }
    // Every acknowledged submission is stored as sent; nothing was stored that nobody acknowledged.
    const acknowledged = annotators.flatMap((a) => [...a.acknowledged].map(([solutionId, sent]) => ({ a, solutionId, sent })));
    for (const { a, solutionId, sent } of acknowledged) {
      const row = submitted.find((r) => r.solutionId === solutionId && r.annotatorId === a.userId);
      expect(row && { errorAnalysis: row.errorAnalysis, verdict: row.verdict, firstErrorStep: row.firstErrorStep, version: row.version }).toEqual(sent);
    }
    expect(submitted.length).toBe(acknowledged.length);
    expect(submitted.length).toBe(SOLUTIONS * K);
    // Everyone was told "empty" while holding nothing.
    const live = (await t.db.orm.select().from(leases)).filter((l) => l.expiresAt > new Date());
    expect(live).toEqual([]);

    const skips = annotators.reduce((n, a) => n + a.skipped.size, 0);
    console.log(`concurrency (${testDialect()}): ${ANNOTATORS} annotators, ${INSTANCES} server process(es), ${SOLUTIONS} solutions × k=${K}: `
      + `${submitted.length} submissions, ${skips} skips, ${requests} requests in ${seconds.toFixed(1)} s, no 5xx`);
  }, 40_000);
});
