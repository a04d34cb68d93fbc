import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app';
import { seedJudgeProject } from '../services/judge/judge-test-project';
import { sessionCaller, type AnyCaller } from '../test/callers';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../test/fake-openai-server';
import { useTestDatabase } from '../test/hooks';
import { seedUser } from '../test/seed';
import { addMembers } from '../services/members';

/** ORM runs over HTTP against the fake OpenAI-compatible server: roles, start, follow, stop. */
const t = useTestDatabase();
let app: App;
let fake: FakeOpenAiServer;
const callers: Record<string, AnyCaller> = {};
const now = new Date();

beforeAll(async () => {
  fake = await startFakeOpenAiServer({ delayMs: 40 });
  app = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false }, now: () => new Date() });
  await seedUser(t.db, 'ann');
  await seedUser(t.db, 'rita', 'researcher');
  await seedUser(t.db, 'lea', 'lead');
  await seedJudgeProject(t.db, 'orm-http', ['wrong-json', 'correct-json', 'malformed', 'wrong-json', 'fenced']);
  await seedJudgeProject(t.db, 'orm-stop', Array.from({ length: 30 }, () => 'wrong-json'));
  await addMembers(t.db, 'orm-http', ['ann'], null);
  for (const name of ['ann', 'rita', 'lea']) callers[name] = await sessionCaller(app, t.db, name, now);
});
afterAll(async () => {
  await app?.close();
  await fake?.close();
});

/** Polls the run until it leaves running/stopping (the run lives in this process). */
async function finished(caller: AnyCaller, project: string, id: number) {
  for (let i = 0; i < 200; i++) {
    const res = await caller.send('GET', `/api/projects/${project}/orm-runs/${id}`);
    expect(res.statusCode).toBe(200);
    const run = res.json();
    if (run.state !== 'running' && run.state !== 'stopping') return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`run ${id} did not finish`);
}

describe('ORM runs over HTTP', () => {
  it('is for researchers and up: an annotator, even a member, gets 403', async () => {
    const body = { endpoint: fake.endpoint, model: 'http-orm', concurrency: 2 };
    expect((await callers.ann!.send('POST', '/api/projects/orm-http/orm-runs', body)).statusCode).toBe(403);
    expect((await callers.ann!.send('GET', '/api/projects/orm-http/orm-runs')).statusCode).toBe(403);
    expect((await callers.ann!.send('GET', '/api/projects/orm-http/orm-runs/1')).statusCode).toBe(403);
    expect((await callers.ann!.send('POST', '/api/projects/orm-http/orm-runs/1/cancel')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/projects/orm-http/orm-runs' })).statusCode).toBe(401);
  });

  it('refuses a bad endpoint or prompt, naming the field', async () => {
    const ftp = await callers.rita!.send('POST', '/api/projects/orm-http/orm-runs', { endpoint: 'ftp://x/v1', model: 'm', concurrency: 1 });
    expect(ftp.statusCode).toBe(400);
    expect(ftp.json().message).toMatch(/endpoint.*http/);
    const prompt = await callers.rita!.send('POST', '/api/projects/orm-http/orm-runs', { endpoint: fake.endpoint, model: 'm', concurrency: 1, promptTemplate: 'Judge it' });
    expect(prompt.statusCode).toBe(400);
    expect(prompt.json().message).toContain('must contain {{question}}');
    expect((await callers.rita!.send('POST', '/api/projects/nope/orm-runs', { endpoint: fake.endpoint, model: 'm', concurrency: 1 })).statusCode).toBe(404);
  });

  it('starts a run against the fake server, reports progress and the unparseable reply, lists it', async () => {
    const start = await callers.rita!.send('POST', '/api/projects/orm-http/orm-runs', {
      endpoint: fake.endpoint, model: 'http-orm', concurrency: 2,
      promptTemplate: 'Custom judge.\n{{question}}\n{{steps}}\nAnswer: {{answer}}',
    });
    expect(start.statusCode).toBe(201);
    const { id } = start.json();
    const run = await finished(callers.rita!, 'orm-http', id);
    expect(run).toMatchObject({
      state: 'done', model: 'http-orm', endpoint: fake.endpoint, concurrency: 2, round: null, customPrompt: true, startedBy: 'rita',
      counts: { total: 5, sent: 5, done: 5, stored: 4, unparseable: 1, failed: 0, skippedAlreadyJudged: 0 }, error: null,
      unparseableReplies: [{ solution: 's-malformed-2', reason: 'no JSON object found in the reply', reply: 'The solution is wrong at step 2 because {status: WRONG, the angle' }],
      failures: [],
    });
    expect(fake.requests.filter((r) => r.model === 'http-orm').every((r) => r.text.startsWith('Custom judge.') && r.authorization === undefined)).toBe(true);

    // The judgments are on the solutions, as GET /api/solutions/:id shows them.
    const ids = await t.db.orm.select({ id: t.db.t.solutions.id, externalId: t.db.t.solutions.externalId }).from(t.db.t.solutions);
    const fenced = ids.find((s) => s.externalId === 's-fenced-4')!;
    const solution = await callers.lea!.send('GET', `/api/solutions/${fenced.id}`);
    expect(solution.json().orm).toEqual(expect.arrayContaining([expect.objectContaining({ model: 'http-orm', status: 'WRONG', error_step: 'Steps 3 and 1', error_step_index: 2 })]));

    const list = await callers.lea!.send('GET', '/api/projects/orm-http/orm-runs');
    expect(list.statusCode).toBe(200);
    expect(list.json().runs[0]).toMatchObject({ id, state: 'done', counts: { stored: 4 } });
    expect(list.json().defaultPromptTemplate).toContain('{{steps}}');
    expect(list.json().apiKeyConfigured).toBe(false);

    // Resumable: a second run sends only the one that is still missing.
    const again = await callers.rita!.send('POST', '/api/projects/orm-http/orm-runs', { endpoint: fake.endpoint, model: 'http-orm', concurrency: 2 });
    const second = await finished(callers.rita!, 'orm-http', again.json().id);
    expect(second.counts).toEqual({ total: 1, sent: 1, done: 1, stored: 0, unparseable: 1, failed: 0, skippedAlreadyJudged: 4 });
    // Stopping a finished run changes nothing.
    const cancelDone = await callers.rita!.send('POST', `/api/projects/orm-http/orm-runs/${id}/cancel`);
    expect(cancelDone.json()).toMatchObject({ state: 'done' });
    expect((await callers.rita!.send('GET', '/api/projects/orm-http/orm-runs/99999')).statusCode).toBe(404);
  });

  it('stops a running run: no new requests, the ones in flight are stored; one run per model at a time', async () => {
    const start = await callers.rita!.send('POST', '/api/projects/orm-stop/orm-runs', { endpoint: fake.endpoint, model: 'stop-orm', concurrency: 1 });
    expect(start.statusCode).toBe(201);
    const { id } = start.json();
    const clash = await callers.lea!.send('POST', '/api/projects/orm-stop/orm-runs', { endpoint: fake.endpoint, model: 'stop-orm', concurrency: 1 });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('JOB_RUNNING');
    const cancel = await callers.rita!.send('POST', `/api/projects/orm-stop/orm-runs/${id}/cancel`);
    expect(cancel.statusCode).toBe(200);
    expect(['stopping', 'cancelled']).toContain(cancel.json().state);
    const run = await finished(callers.rita!, 'orm-stop', id);
    expect(run.state).toBe('cancelled');
    expect(run.counts.sent).toBeLessThan(30);
    expect(run.counts.stored).toBe(run.counts.sent);
  });
});

describe('a run whose server died', () => {
  it('shows as stale and does not block a new run of its model', async () => {
    const [project] = await t.db.orm.select().from(t.db.t.projects).where(eq(t.db.t.projects.name, 'orm-http'));
    const old = new Date(Date.now() - 10 * 60_000);
    const counts = { total: 9, sent: 3, done: 2, stored: 2, unparseable: 0, failed: 0, skippedAlreadyJudged: 0 };
    const [job] = await t.db.transaction((tx) => tx.insert(t.db.t.jobs).values({
      kind: 'orm-run', projectId: project!.id, userId: null, status: 'running', createdAt: old, updatedAt: old,
      progress: { params: { endpoint: fake.endpoint, model: 'ghost-orm', concurrency: 1, round: null, customPrompt: false }, counts, unparseableReplies: [], failures: [] },
    }).returning());
    const shown = await callers.rita!.send('GET', `/api/projects/orm-http/orm-runs/${job!.id}`);
    expect(shown.json()).toMatchObject({ state: 'stale', counts, startedBy: null });
    const fresh = await callers.rita!.send('POST', '/api/projects/orm-http/orm-runs', { endpoint: fake.endpoint, model: 'ghost-orm', concurrency: 2 });
    expect(fresh.statusCode).toBe(201);
    expect((await finished(callers.rita!, 'orm-http', fresh.json().id)).state).toBe('done');
  });
});

describe('the API key for UI-started runs', () => {
  it('comes from REDLINE_ORM_API_KEY (config), is sent as Bearer and never returned', async () => {
    // As main.ts passes the whole Config read from the environment.
    const config = { clientDir: 'none', secureCookies: false, ormApiKey: 'sk-server-key' };
    const keyed = await buildApp({ db: t.db, config, now: () => new Date() });
    try {
      const rita = await sessionCaller(keyed, t.db, 'rita', now);
      await seedJudgeProject(t.db, 'orm-key', ['correct-json']);
      const start = await rita.send('POST', '/api/projects/orm-key/orm-runs', { endpoint: fake.endpoint, model: 'key-orm', concurrency: 1 });
      const run = await finished(rita, 'orm-key', start.json().id);
      expect(run.counts.stored).toBe(1);
      expect(fake.requests.filter((r) => r.model === 'key-orm').map((r) => r.authorization)).toEqual(['Bearer sk-server-key']);
      const list = await rita.send('GET', '/api/projects/orm-key/orm-runs');
      expect(list.json().apiKeyConfigured).toBe(true);
      expect(list.body).not.toContain('sk-server-key');
    } finally {
      await keyed.close();
    }
  });
});
