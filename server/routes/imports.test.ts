import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE } from '../../shared/constants';
import { buildApp, type App } from '../app';
import { readConfig } from '../config';
import { createSession } from '../services/sessions';
import { findUserByName } from '../services/users';
import { importsSettled } from '../services/import-jobs';
import { makePng, nativeLine } from '../services/import/test-files';
import { sessionCaller, type AnyCaller } from '../test/callers';
import { multipart, type Part } from '../test/multipart';
import { useTestDatabase } from '../test/hooks';
import { seedProject, seedUser } from '../test/seed';

const t = useTestDatabase();
const now = new Date('2026-05-01T10:00:00Z');
let app: App;
let small: App;
/** The same server with REDLINE_MAX_CONCURRENT_IMPORTS=3. */
let roomy: App;
let researcher: AnyCaller;

beforeAll(async () => {
  app = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false }, now: () => now });
  small = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false, uploadLimitMb: 0.01 }, now: () => now });
  roomy = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false, limits: readConfig({ REDLINE_MAX_CONCURRENT_IMPORTS: '3' }).limits }, now: () => now });
  await seedUser(t.db, 'researcher', 'researcher');
  await seedUser(t.db, 'annie', 'annotator');
  for (const name of ['up-a', 'up-limit', 'up-escape', 'up-strict', 'up-other']) await seedProject(t.db, { name, problems: 0, members: ['annie'] });
  researcher = await sessionCaller(app, t.db, 'researcher', now);
});
afterAll(async () => {
  await app?.close();
  await small?.close();
  await roomy?.close();
});

function upload(caller: AnyCaller, project: string, fields: Record<string, string>, files: Part[]) {
  return caller.request({ method: 'POST', url: `/api/projects/${project}/imports`, ...multipart(fields, files) });
}

const uploadFolders = () => new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('redline-upload-')));

async function projectCounts(name: string) {
  const { projects, solutions, jobs } = t.db.t;
  const [project] = await t.db.orm.select().from(projects).where(eq(projects.name, name));
  const [s] = await t.db.orm.select({ n: count() }).from(solutions).where(eq(solutions.projectId, project!.id));
  const [j] = await t.db.orm.select({ n: count() }).from(jobs).where(eq(jobs.projectId, project!.id));
  return { solutions: s!.n, jobs: j!.n };
}

describe('POST /api/projects/:project/imports', () => {
  it('imports a JSONL with its image folder in the background and reports every rejected line', async () => {
    const before = uploadFolders();
    const lines = [
      nativeLine('p-1', 's-1', { problem: { images: ['img/p-1.png'] } }),
      nativeLine('p-1', 's-2', { problem: { images: ['img/p-1.png'] } }),
      '{"problem": oops',
      nativeLine('p-2', 's-3', { problem: { images: ['img/missing.png'] } }),
      nativeLine('p-3', 's-4'),
    ];
    const res = await upload(researcher, 'up-a', { format: 'auto', round: '5' }, [
      { name: 'data.jsonl', content: `${lines.join('\n')}\n` },
      { name: 'img/p-1.png', content: makePng(4, 3) },
    ]);
    expect(res.statusCode, res.body).toBe(202);
    const { job } = res.json<{ job: { id: number; status: string; progress: { files: string[]; round: number } } }>();
    expect(job).toMatchObject({ status: 'running', progress: { files: ['data.jsonl'], round: 5 } });

    await importsSettled();
    const done = await researcher.send('GET', `/api/projects/up-a/imports/${job.id}`);
    expect(done.statusCode, done.body).toBe(200);
    const view = done.json<{ job: Record<string, unknown> & { result: { summaries: Array<Record<string, unknown>> } } }>().job;
    expect(view).toMatchObject({
      id: job.id, status: 'done', user: 'researcher',
      progress: { file: 'data.jsonl', lines: 5, bad: 2 },
      totals: { lines: 5, imported: { problems: 2, solutions: 3, images: 1 }, unchanged: 0, bad: 2, committed: true },
    });
    const [summary] = view.result.summaries;
    expect(summary).toMatchObject({ file: 'data.jsonl', badCount: 2 });
    expect(summary!.bad).toEqual([
      { line: 3, reason: expect.any(String) },
      { line: 4, reason: expect.stringContaining('img/missing.png') },
    ]);
    expect(JSON.stringify(view)).not.toContain(tmpdir());

    const rounds = await t.db.orm.select({ round: t.db.t.solutions.round }).from(t.db.t.solutions)
      .innerJoin(t.db.t.projects, eq(t.db.t.projects.id, t.db.t.solutions.projectId)).where(eq(t.db.t.projects.name, 'up-a'));
    expect(rounds.map((r) => r.round)).toEqual([5, 5, 5]);

    const csv = await researcher.send('GET', `/api/projects/up-a/imports/${job.id}/rejected`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="up-a-import-${job.id}-rejected.csv"`);
    const rows = csv.body.trimEnd().split('\r\n');
    expect(rows[0]).toBe('file,line,record,reason');
    expect(rows.slice(1).map((r) => r.split(',').slice(0, 2).join(','))).toEqual(['data.jsonl,3', 'data.jsonl,4']);
    const jsonl = await researcher.send('GET', `/api/projects/up-a/imports/${job.id}/rejected?format=jsonl`);
    expect(jsonl.body.trimEnd().split('\n').map((l) => JSON.parse(l) as { line: number }).map((r) => r.line)).toEqual([3, 4]);

    const list = await researcher.send('GET', '/api/projects/up-a/imports');
    expect(list.json<{ jobs: Array<{ id: number; totals: { bad: number } }> }>().jobs).toMatchObject([{ id: job.id, totals: { bad: 2 } }]);
    expect([...uploadFolders()].filter((f) => !before.has(f))).toEqual([]);
  });

  it('with strict stores nothing when a line is bad, and says so', async () => {
    const res = await upload(researcher, 'up-strict', { strict: 'true' }, [
      { name: 'a.jsonl', content: `${nativeLine('p-1', 's-1')}\nnot json\n` },
    ]);
    expect(res.statusCode, res.body).toBe(202);
    await importsSettled();
    const view = (await researcher.send('GET', `/api/projects/up-strict/imports/${res.json<{ job: { id: number } }>().job.id}`)).json<{ job: object }>().job;
    expect(view).toMatchObject({ status: 'done', progress: { strict: true }, totals: { bad: 1, committed: false } });
    expect((await projectCounts('up-strict')).solutions).toBe(0);
  });

  it('refuses an upload over the size limit with 413, storing nothing and leaving no temp files', async () => {
    const before = uploadFolders();
    const caller = await sessionCaller(small, t.db, 'researcher', now);
    const big = Array.from({ length: 60 }, (_, i) => nativeLine(`p-${i}`, `s-${i}`)).join('\n');
    expect(big.length).toBeGreaterThan(0.01 * 1024 * 1024);
    const res = await upload(caller, 'up-limit', {}, [{ name: 'big.jsonl', content: big }]);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('limit of 0.01 MB per request (REDLINE_UPLOAD_LIMIT_MB)') });
    // A stream payload goes without Content-Length (chunked): the bytes are counted as they reach disk.
    const { payload, headers } = multipart({}, [{ name: 'a.jsonl', content: nativeLine('p-0', 's-0') }, { name: 'big.jsonl', content: big }]);
    const chunked = await caller.request({ method: 'POST', url: '/api/projects/up-limit/imports', payload: Readable.from([payload]), headers });
    expect(chunked.statusCode).toBe(413);
    expect(chunked.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(await projectCounts('up-limit')).toEqual({ solutions: 0, jobs: 0 });
    expect([...uploadFolders()].filter((f) => !before.has(f))).toEqual([]);
  });

  it('over real HTTP, a browser-style FormData upload past the limit gets the 413 body', async () => {
    const server = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false, uploadLimitMb: 0.01 }, now: () => now });
    try {
      const url = await server.listen({ port: 0, host: '127.0.0.1' });
      const user = await findUserByName(t.db, 'researcher');
      const { token, principal } = await t.db.transaction((tx) => createSession(t.db, tx, user!, now));
      const headers = { cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: principal.csrfToken! };
      const form = new FormData();
      form.append('format', 'auto');
      form.append('files', new Blob([Buffer.alloc(2 * 1024 * 1024, 'x')]), 'big.jsonl');
      const res = await fetch(`${url}/api/projects/up-limit/imports`, { method: 'POST', headers, body: form });
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });

      const ok = new FormData();
      ok.append('files', new Blob([nativeLine('p-h', 's-h')]), 'a.jsonl');
      const accepted = await fetch(`${url}/api/projects/up-limit/imports`, { method: 'POST', headers, body: ok });
      expect(accepted.status).toBe(202);
      await importsSettled();
      expect(await projectCounts('up-limit')).toEqual({ solutions: 1, jobs: 1 });
    } finally {
      await server.close();
    }
  });

  it('refuses annotators (403), names that escape the folder (400), and uploads with no data file', async () => {
    const annie = await sessionCaller(app, t.db, 'annie', now);
    const forbidden = await upload(annie, 'up-escape', {}, [{ name: 'a.jsonl', content: nativeLine('p-1', 's-1') }]);
    expect(forbidden.statusCode).toBe(403);
    expect((await annie.send('GET', '/api/projects/up-escape/imports')).statusCode).toBe(403);

    for (const name of ['../evil.png', 'img/../../evil.png', '/etc/evil.jsonl']) {
      const res = await upload(researcher, 'up-escape', {}, [{ name: 'a.jsonl', content: nativeLine('p-1', 's-1') }, { name, content: 'x' }]);
      expect(res.statusCode, name).toBe(400);
      expect(res.json<{ message: string }>().message).toContain(`file "${name}"`);
    }
    const noData = await upload(researcher, 'up-escape', {}, [{ name: 'img/a.png', content: makePng(1, 1) }]);
    expect(noData.json()).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('no data file') });
    const badField = await upload(researcher, 'up-escape', { round: '-1' }, [{ name: 'a.jsonl', content: nativeLine('p-1', 's-1') }]);
    expect(badField.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('round:') });
    expect(await projectCounts('up-escape')).toEqual({ solutions: 0, jobs: 0 });
  });

  it('numbers a JSON list\'s rejected records by position in the report', async () => {
    const records = [
      { id: 'pb-1', generator: 'qwen', problem: 'What is 1+1?', steps: ['1+1=2.', 'So 2.'], final_answer_correct: true, label: -1 },
      { id: 'pb-2', generator: 'qwen', problem: 'What is 2+2?', final_answer_correct: true, label: -1 },
    ];
    const res = await upload(researcher, 'up-other', { format: 'processbench' }, [{ name: 'pb.json', content: JSON.stringify(records) }]);
    expect(res.statusCode, res.body).toBe(202);
    await importsSettled();
    const id = res.json<{ job: { id: number } }>().job.id;
    const view = (await researcher.send('GET', `/api/projects/up-other/imports/${id}`)).json<{ job: object }>().job;
    expect(view).toMatchObject({ status: 'done', progress: { format: 'processbench' }, totals: { imported: { solutions: 1 }, bad: 1 } });
    const csv = (await researcher.send('GET', `/api/projects/up-other/imports/${id}/rejected`)).body.trimEnd().split('\r\n');
    expect(csv.slice(1).map((r) => r.split(',').slice(0, 3).join(','))).toEqual(['pb.json,,2']);
    const jsonl = (await researcher.send('GET', `/api/projects/up-other/imports/${id}/rejected?format=jsonl`)).body;
    expect(JSON.parse(jsonl)).toMatchObject({ file: 'pb.json', record: 2, reason: expect.any(String) });
  });

  it('keeps jobs to their project', async () => {
    const res = await upload(researcher, 'up-other', {}, [{ name: 'a.jsonl', content: nativeLine('p-9', 's-9') }]);
    await importsSettled();
    const id = res.json<{ job: { id: number } }>().job.id;
    expect((await researcher.send('GET', `/api/projects/up-a/imports/${id}`)).statusCode).toBe(404);
    expect((await researcher.send('GET', `/api/projects/up-a/imports/${id}/rejected`)).statusCode).toBe(404);
  });
});

describe('concurrent imports per user and stale jobs', () => {
  const minutes = (n: number) => new Date(now.getTime() - n * 60_000);

  async function runningJob(userName: string, updatedAt: Date): Promise<number> {
    const user = await findUserByName(t.db, userName);
    const [project] = await t.db.orm.select().from(t.db.t.projects).where(eq(t.db.t.projects.name, 'up-busy'));
    const [row] = await t.db.orm.insert(t.db.t.jobs).values({
      kind: 'import', projectId: project!.id, userId: user!.id, status: 'running', progress: { files: ['x.jsonl'] }, createdAt: updatedAt, updatedAt,
    }).returning({ id: t.db.t.jobs.id });
    return row!.id;
  }
  async function jobRow(id: number) {
    const [row] = await t.db.orm.select().from(t.db.t.jobs).where(eq(t.db.t.jobs.id, id));
    return row!;
  }
  async function finish(ids: number[]) {
    for (const id of ids) await t.db.orm.update(t.db.t.jobs).set({ status: 'done' }).where(eq(t.db.t.jobs.id, id));
  }

  beforeAll(async () => {
    await seedUser(t.db, 'rita', 'researcher');
    await seedUser(t.db, 'rob', 'researcher');
    await seedProject(t.db, { name: 'up-busy', problems: 0 });
  });

  it('refuses a third running import with 429 RATE_LIMITED before storing the upload; other users and a raised limit are not held back', async () => {
    const rita = await sessionCaller(app, t.db, 'rita', now);
    const busy = [await runningJob('rita', minutes(1)), await runningJob('rita', minutes(9))];
    const before = uploadFolders();
    const jobsBefore = (await projectCounts('up-busy')).jobs;
    const big = Array.from({ length: 200 }, (_, i) => nativeLine(`p-b${i}`, `s-b${i}`)).join('\n');
    const res = await upload(rita, 'up-busy', {}, [{ name: 'a.jsonl', content: big }]);
    expect(res.statusCode, res.body).toBe(429);
    expect(res.json()).toEqual({
      code: 'RATE_LIMITED',
      message: 'you already have 2 imports running (limit 2 at once, REDLINE_MAX_CONCURRENT_IMPORTS); wait for one to finish',
      details: { limit: 2, running: 2 },
    });
    expect(await projectCounts('up-busy')).toEqual({ solutions: 0, jobs: jobsBefore });
    expect([...uploadFolders()].filter((f) => !before.has(f))).toEqual([]);

    // Another user has slots of their own.
    const rob = await sessionCaller(app, t.db, 'rob', now);
    const other = await upload(rob, 'up-busy', {}, [{ name: 'a.jsonl', content: nativeLine('p-r', 's-r') }]);
    expect(other.statusCode, other.body).toBe(202);
    await importsSettled();

    const ritaRoomy = await sessionCaller(roomy, t.db, 'rita', now);
    const third = await upload(ritaRoomy, 'up-busy', {}, [{ name: 'a.jsonl', content: nativeLine('p-3', 's-3') }]);
    expect(third.statusCode, third.body).toBe(202);
    await importsSettled();
    await finish(busy);
    const again = await upload(rita, 'up-busy', {}, [{ name: 'b.jsonl', content: nativeLine('p-4', 's-4') }]);
    expect(again.statusCode, again.body).toBe(202);
    await importsSettled();
    expect((await projectCounts('up-busy')).solutions).toBe(3);
  });

  it('a job left running over 10 minutes by a stopped server is failed when counting, and no longer holds a slot', async () => {
    const rita = await sessionCaller(app, t.db, 'rita', now);
    const stale = [await runningJob('rita', minutes(11)), await runningJob('rita', minutes(30))];
    const live = await runningJob('rita', minutes(5));
    const res = await upload(rita, 'up-busy', {}, [{ name: 'c.jsonl', content: nativeLine('p-5', 's-5') }]);
    expect(res.statusCode, res.body).toBe(202);
    await importsSettled();
    for (const id of stale) {
      expect(await jobRow(id)).toMatchObject({
        status: 'failed',
        result: { error: { code: 'INTERRUPTED', message: 'the server stopped during this import; re-run it (a re-import skips what is stored)' } },
      });
    }
    expect(await jobRow(live)).toMatchObject({ status: 'running', result: null });
    const view = (await rita.send('GET', `/api/projects/up-busy/imports/${stale[0]}`)).json<{ job: object }>().job;
    expect(view).toMatchObject({ status: 'failed', totals: { error: { message: expect.stringContaining('the server stopped during this import') } } });
    await finish([live]);
  });

  it('a server starting fails the import jobs a stopped one left running', async () => {
    const stale = await runningJob('rob', minutes(60));
    const live = await runningJob('rob', minutes(2));
    const started = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false }, now: () => now });
    try {
      expect(await jobRow(stale)).toMatchObject({ status: 'failed', result: { error: { code: 'INTERRUPTED' } } });
      expect(await jobRow(live)).toMatchObject({ status: 'running' });
    } finally {
      await started.close();
      await finish([live]);
    }
  });
});
