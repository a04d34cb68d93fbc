import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { SESSION_COOKIE } from '../../shared/constants';
import { ExportPreviewDtoSchema } from '../../shared/schemas/export';
import { buildApp, type App } from '../app';
import { readLimits } from '../config';
import { startExportDownload } from '../services/export/export-download';
import { exportDataset } from '../services/export/export-dataset';
import { EXPORT_PROJECT, seedExportProject } from '../services/export/export-test-project';
import { getProject } from '../services/projects';
import { createSession } from '../services/sessions';
import { findUserByName } from '../services/users';
import { anonymousCaller, sessionCaller } from '../test/callers';
import { useTestDatabase } from '../test/hooks';
import { seedUser } from '../test/seed';

const t = useTestDatabase();
const scratch = mkdtempSync(join(tmpdir(), 'redline-export-zip-'));
const now = new Date('2026-04-01T09:00:00Z');
let app: App;
let outCount = 0;

beforeAll(async () => {
  app = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false }, now: () => now });
  await seedUser(t.db, 'researcher', 'researcher');
  await seedUser(t.db, 'annotator', 'annotator');
  await seedExportProject(t.db);
});
afterAll(async () => {
  await app?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(buffer);
  const files = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    files.set(entry.fileName, Buffer.concat(chunks));
  }
  return files;
}

function readFolder(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  return new Map(files.map((d) => { const path = join(d.parentPath, d.name); return [relative(dir, path).split('\\').join('/'), readFileSync(path)]; }));
}

const withoutCreatedAt = (manifest: Buffer) => manifest.toString('utf8').replace(/"createdAt": "[^"]*"/, '"createdAt": "…"');

const CASES: Array<{ query: Record<string, string>; options: Record<string, unknown> }> = [
  { query: { kind: 'sft', format: 'sharegpt' }, options: {} },
  { query: { kind: 'reflection', format: 'trl', valFraction: '0.3', seed: 'x' }, options: { valFraction: 0.3, seed: 'x' } },
  { query: { kind: 'orm', format: 'openai', policy: 'gold,consensus,orm', valFraction: '0.5' }, options: { sources: ['gold', 'consensus', 'orm'], valFraction: 0.5 } },
  { query: { kind: 'prm', format: 'trl', neutral: 'drop', valFraction: '0.3' }, options: { neutral: 'drop', valFraction: 0.3 } },
  { query: { kind: 'preference', format: 'sharegpt', maxPairsPerProblem: '2', valFraction: '0.3' }, options: { maxPairsPerProblem: 2, valFraction: 0.3 } },
  { query: { kind: 'sft', format: 'trl', round: '1,2', minAgreement: '0.5', subject: 'geometry,algebra' }, options: { round: [1, 2], minAgreement: 0.5, subjects: ['geometry', 'algebra'] } },
];

describe('GET /api/projects/:project/export', () => {
  it.each(CASES)('the zip holds the folder export byte for byte: $query', async ({ query, options }) => {
    const researcher = await sessionCaller(app, t.db, 'researcher', now);
    const res = await researcher.request({ method: 'GET', url: `/api/projects/${EXPORT_PROJECT}/export?${new URLSearchParams(query)}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${EXPORT_PROJECT}-${query.kind}-${query.format}.zip"`);
    const zipped = await unzip(res.rawPayload);

    const outDir = join(scratch, `out-${(outCount += 1)}`);
    await exportDataset(t.db, { project: EXPORT_PROJECT, kind: query.kind!, format: query.format!, outDir, ...options });
    const folder = readFolder(outDir);

    expect([...zipped.keys()].filter((name) => !name.endsWith('/')).sort()).toEqual([...folder.keys()].sort());
    expect(zipped.has('images/')).toBe(true);
    for (const [path, bytes] of folder) {
      if (path === 'manifest.json') expect(withoutCreatedAt(zipped.get(path)!)).toBe(withoutCreatedAt(bytes));
      else expect(zipped.get(path)!.equals(bytes), `${path} differs`).toBe(true);
    }
    // Entries stream in this order: the record files first, the manifest last.
    const order = [...zipped.keys()];
    expect(order.slice(0, 3)).toEqual(['train.jsonl', 'val.jsonl', 'provenance.jsonl']);
    expect(order.at(-1)).toBe('manifest.json');
  });

  it('401 anonymous, 403 annotator, 404 unknown project, 400 bad options before any zip byte', async () => {
    const url = `/api/projects/${EXPORT_PROJECT}/export?kind=sft&format=sharegpt`;
    expect((await anonymousCaller(app).send('GET', url)).statusCode).toBe(401);
    const annotator = await sessionCaller(app, t.db, 'annotator', now);
    const forbidden = await annotator.send('GET', url);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'FORBIDDEN' });
    const researcher = await sessionCaller(app, t.db, 'researcher', now);
    expect((await researcher.send('GET', '/api/projects/nope/export?kind=sft&format=sharegpt')).statusCode).toBe(404);
    for (const [query, message] of [
      ['kind=poems&format=sharegpt', 'kind "poems" is not supported'],
      ['kind=sft&format=openai&images=copy', '--images copy is not supported for openai'],
      ['kind=sft&format=trl&valFraction=lots', 'valFraction needs a number'],
      ['kind=sft&format=trl&neutral=drop', '--neutral only applies to --kind prm'],
    ] as const) {
      const res = await researcher.send('GET', `/api/projects/${EXPORT_PROJECT}/export?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(res.json().message).toContain(message);
      expect(res.rawPayload.subarray(0, 2).toString('latin1')).not.toBe('PK');
    }
  });

  it('records an export audit entry with the options', async () => {
    const researcher = await sessionCaller(app, t.db, 'researcher', now);
    const res = await researcher.send('GET', `/api/projects/${EXPORT_PROJECT}/export?kind=orm&format=trl&subject=geometry&seed=audit-seed`);
    expect(res.statusCode).toBe(200);
    const rows = await t.db.orm.select().from(t.db.t.auditLog);
    const entry = rows.filter((row) => row.action === 'export').find((row) => JSON.stringify(row.details).includes('audit-seed'));
    expect(entry?.details).toMatchObject({ via: 'http', kind: 'orm', format: 'trl', seed: 'audit-seed', filters: { subjects: ['geometry'] } });
  });

  it('allows two running exports per user; the third is 429 RATE_LIMITED', async () => {
    const project = await getProject(t.db, EXPORT_PROJECT);
    const user = (await findUserByName(t.db, 'researcher'))!;
    const log = app.log;
    const query = { kind: 'sft', format: 'trl' };
    const started = await Promise.allSettled([1, 2, 3].map(() => startExportDownload(t.db, { userId: user.id }, project, query, log, readLimits({}).maxConcurrentExports)));
    expect(started.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((started[2] as PromiseRejectedResult).reason).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    for (const s of started) if (s.status === 'fulfilled') { s.value.stream.resume(); await s.value.done; }
    // Finished exports free their slots.
    const again = await startExportDownload(t.db, { userId: user.id }, project, query, log, readLimits({}).maxConcurrentExports);
    again.stream.resume();
    await again.done;
  });

  it('sends headers and the first zip bytes before the export is done (real HTTP)', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const user = (await findUserByName(t.db, 'researcher'))!;
    const { token } = await t.db.transaction((tx) => createSession(t.db, tx, user, now));
    const started = performance.now();
    const res = await fetch(`${address}/api/projects/${EXPORT_PROJECT}/export?kind=reflection&format=sharegpt`, {
      headers: { cookie: `${SESSION_COOKIE}=${token}` },
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const first = await reader.read();
    const elapsed = performance.now() - started;
    expect(Buffer.from(first.value!).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    // Not asserted (machines differ); printed for the record.
    console.info(`first zip bytes after ${elapsed.toFixed(1)} ms`);
    // Read to the end, so the server has no response in flight when the app closes.
    while (!(await reader.read()).done);
  });
});

describe('GET /api/projects/:project/export/preview', () => {
  it('counts what real exports of each kind write, under the same policy and filters', async () => {
    const researcher = await sessionCaller(app, t.db, 'researcher', now);
    const filters = { policy: 'gold,consensus,orm', valFraction: '0.3', neutral: 'drop', maxPairsPerProblem: '1' };
    const res = await researcher.send('GET', `/api/projects/${EXPORT_PROJECT}/export/preview?${new URLSearchParams(filters)}`);
    expect(res.statusCode, res.body).toBe(200);
    const preview = ExportPreviewDtoSchema.parse(res.json());
    expect(preview.total).toBeGreaterThan(20);
    for (const kind of ['sft', 'reflection', 'orm', 'prm', 'preference'] as const) {
      const outDir = join(scratch, `preview-${kind}`);
      await exportDataset(t.db, {
        project: EXPORT_PROJECT, kind, format: 'trl', outDir, sources: ['gold', 'consensus', 'orm'], valFraction: 0.3,
        ...(kind === 'prm' ? { neutral: 'drop' } : {}), ...(kind === 'preference' ? { maxPairsPerProblem: 1 } : {}),
      });
      const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
      expect(preview.byKind[kind], kind).toEqual({ records: manifest.counts.total, train: manifest.counts.train, val: manifest.counts.val, leftOut: manifest.leftOut });
    }
    expect(preview.byKind.sft.records).toBeGreaterThan(0);
  });

  it('rejects bad filters with 400 and annotators with 403', async () => {
    const researcher = await sessionCaller(app, t.db, 'researcher', now);
    const bad = await researcher.send('GET', `/api/projects/${EXPORT_PROJECT}/export/preview?minAgreement=2`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('min agreement must be between 0 and 1');
    const annotator = await sessionCaller(app, t.db, 'annotator', now);
    expect((await annotator.send('GET', `/api/projects/${EXPORT_PROJECT}/export/preview`)).statusCode).toBe(403);
  });
});

