import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app';
import { exportDataset } from '../services/export/export-dataset';
import { importNativeFile } from '../services/import/import-native';
import { nativeLine, removeTempDirs, tempDir, writeJsonl } from '../services/import/test-files';
import { signIn } from '../test/app-client';
import { sessionCaller, type AnyCaller } from '../test/callers';
import { useTestDatabase } from '../test/hooks';
import { seedProject, seedUser, TEST_PASSWORD } from '../test/seed';

const t = useTestDatabase();
let app: App;
let admin: AnyCaller;
let lead: AnyCaller;
const scratch = mkdtempSync(join(tmpdir(), 'redline-audit-'));

interface Entry { id: number; action: string; actor: string | null; project: string | null; targetId: string | null; details: Record<string, unknown> | null }
const entries = async (caller: AnyCaller, query = '') => (await caller.send('GET', `/api/audit${query}`)).json().entries as Entry[];

beforeAll(async () => {
  app = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false } });
  const root = await seedUser(t.db, 'root', 'admin');
  await seedUser(t.db, 'lea', 'lead');
  for (const name of ['ann', 'ben']) await seedUser(t.db, name);
  await seedProject(t.db, { name: 'other', problems: 1 });
  admin = await sessionCaller(app, t.db, 'root', new Date());
  lead = await sessionCaller(app, t.db, 'lea', new Date());

  // The events the issue names: a sign-in, a role change, a membership change, an import, an export.
  await signIn(app, 'ann', TEST_PASSWORD);
  expect((await admin.send('PATCH', '/api/users/ben', { role: 'researcher' })).statusCode).toBe(200);
  expect((await lead.send('POST', '/api/projects', { name: 'audited', overlap: 1 })).statusCode).toBe(201);
  expect((await lead.send('PUT', '/api/projects/audited/members', { add: ['ann'] })).statusCode).toBe(200);
  const dir = tempDir();
  const file = writeJsonl(dir, 'in.jsonl', [nativeLine('p-1', 's-1'), nativeLine('p-2', 's-2')]);
  await importNativeFile(t.db, { file, project: 'audited', strict: false, actorId: root.id });
  await exportDataset(t.db, { project: 'audited', kind: 'sft', format: 'sharegpt', outDir: join(scratch, 'out'), sources: ['orm'], actorId: root.id });
});
afterAll(async () => {
  await app?.close();
  removeTempDirs();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the audit log', () => {
  it('shows admins sign-ins, role and membership changes, imports and exports, newest first', async () => {
    const all = await entries(admin);
    const actions = all.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'user.role', 'project.create', 'member.add', 'import', 'export']));
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => b - a));
    expect(actions.indexOf('export')).toBeLessThan(actions.indexOf('import'));
    expect(all.find((e) => e.action === 'auth.login')).toMatchObject({ actor: 'ann', targetId: 'ann', project: null });
    expect(all.find((e) => e.action === 'user.role')).toMatchObject({ actor: 'root', targetId: 'ben', details: { from: 'annotator', to: 'researcher' } });
    expect(all.find((e) => e.action === 'member.add' && e.project === 'audited')).toMatchObject({ actor: 'lea', targetId: 'ann' });
    expect(all.find((e) => e.action === 'import')).toMatchObject({ actor: 'root', project: 'audited', targetId: expect.stringContaining('in.jsonl') });
    expect(all.find((e) => e.action === 'export')).toMatchObject({ actor: 'root', project: 'audited', details: expect.objectContaining({ kind: 'sft' }) });
  });

  it('filters by project and pages with limit and before', async () => {
    const audited = await entries(admin, '?project=audited');
    expect(new Set(audited.map((e) => e.project))).toEqual(new Set(['audited']));
    const [first, second] = await entries(admin, '?limit=2');
    expect(second!.id).toBeLessThan(first!.id);
    const next = await entries(admin, `?limit=2&before=${second!.id}`);
    expect(next[0]!.id).toBeLessThan(second!.id);
    expect((await admin.send('GET', '/api/audit?project=nope')).statusCode).toBe(404);
    expect((await admin.send('GET', '/api/audit?limit=0')).statusCode).toBe(400);
  });

  it('shows leads the entries of projects only (no sign-ins or account changes), and annotators nothing', async () => {
    const seen = await entries(lead, '?limit=500');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((e) => e.project !== null)).toBe(true);
    expect(seen.map((e) => e.action)).not.toContain('auth.login');
    const ann = await sessionCaller(app, t.db, 'ann', new Date());
    expect((await ann.send('GET', '/api/audit')).statusCode).toBe(403);
    const ben = await sessionCaller(app, t.db, 'ben', new Date());
    expect((await ben.send('GET', '/api/audit')).statusCode).toBe(403);
  });
});
