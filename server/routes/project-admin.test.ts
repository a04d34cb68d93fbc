import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ERROR_TAXONOMY } from '../../shared/constants';
import { buildApp, type App } from '../app';
import { sessionCaller, type AnyCaller } from '../test/callers';
import { useTestDatabase } from '../test/hooks';
import { seedUser } from '../test/seed';

const t = useTestDatabase();
let app: App;
let lead: AnyCaller;
const clock = new Date('2026-02-01T10:00:00Z');

const audit = async (action: string) =>
  t.db.orm.select().from(t.db.t.auditLog).where(eq(t.db.t.auditLog.action, action)).orderBy(asc(t.db.t.auditLog.id));

beforeAll(async () => {
  app = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false }, now: () => clock });
  await seedUser(t.db, 'lea', 'lead');
  await seedUser(t.db, 'rita', 'researcher');
  for (const name of ['ann', 'ben']) await seedUser(t.db, name);
  lead = await sessionCaller(app, t.db, 'lea', clock);
});
afterAll(async () => app?.close());

describe('creating and configuring projects', () => {
  it('creates a project with defaults (201) and stores the seed in settings', async () => {
    const res = await lead.send('POST', '/api/projects', { name: 'plain' });
    expect(res.statusCode).toBe(201);
    expect(res.json().project).toMatchObject({
      name: 'plain', overlap: 1, mode: 'first-error', assignment: 'ordered', leaseMinutes: 30, seed: 0,
      taxonomy: [...DEFAULT_ERROR_TAXONOMY], guidelines: '', counts: { problems: 0, solutions: 0, complete: 0, mine: 0 },
    });
    const full = await lead.send('POST', '/api/projects', {
      name: 'round-2', overlap: 3, mode: 'every-step', assignment: 'random', leaseMinutes: 45,
      taxonomy: ['reasoning', ' calculation '], guidelines: '# Be careful', seed: 42,
    });
    expect(full.statusCode).toBe(201);
    expect(full.json().project).toMatchObject({ overlap: 3, assignment: 'random', seed: 42, taxonomy: ['reasoning', 'calculation'] });
    const [row] = await t.db.orm.select().from(t.db.t.projects).where(eq(t.db.t.projects.name, 'round-2'));
    expect(row!.settings).toEqual({ seed: 42 });
    expect((await audit('project.create')).map((e) => e.targetId)).toEqual(['plain', 'round-2']);
  });

  it('refuses a taken name (409), bad settings (400) and non-leads (403)', async () => {
    const taken = await lead.send('POST', '/api/projects', { name: 'plain' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('PROJECT_EXISTS');
    for (const body of [{ name: 'bad name!' }, { name: 'x', overlap: 0 }, { name: 'x', taxonomy: ['a', 'a'] }, { name: 'x', taxonomy: ['Caps'] }]) {
      const res = await lead.send('POST', '/api/projects', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    const rita = await sessionCaller(app, t.db, 'rita', clock);
    expect((await rita.send('POST', '/api/projects', { name: 'mine' })).statusCode).toBe(403);
    expect((await rita.send('PATCH', '/api/projects/plain', { overlap: 2 })).statusCode).toBe(403);
  });

  it('changes settings, auditing the keys that changed and nothing when nothing did', async () => {
    const res = await lead.send('PATCH', '/api/projects/plain', { overlap: 2, seed: 7, guidelines: 'Read twice.', mode: 'first-error' });
    expect(res.statusCode).toBe(200);
    expect(res.json().project).toMatchObject({ name: 'plain', overlap: 2, seed: 7, guidelines: 'Read twice.' });
    const [entry] = await audit('project.update');
    expect(entry).toMatchObject({ targetId: 'plain', details: { changed: ['overlap', 'guidelines', 'seed'], overlap: 2, seed: 7, guidelinesLength: 11 } });
    expect((await lead.send('PATCH', '/api/projects/plain', { overlap: 2 })).statusCode).toBe(200);
    expect(await audit('project.update')).toHaveLength(1);
    expect((await lead.send('PATCH', '/api/projects/nothing-here', { overlap: 2 })).statusCode).toBe(404);
    expect((await lead.send('PATCH', '/api/projects/plain', { leaseMinutes: 0 })).statusCode).toBe(400);
  });

  it('keeps other settings (the demo flag) when the seed changes', async () => {
    await t.db.transaction((tx) => tx.update(t.db.t.projects).set({ settings: { demo: true, seed: 1 } }).where(eq(t.db.t.projects.name, 'round-2')));
    await lead.send('PATCH', '/api/projects/round-2', { seed: 9 });
    const [row] = await t.db.orm.select().from(t.db.t.projects).where(eq(t.db.t.projects.name, 'round-2'));
    expect(row!.settings).toEqual({ demo: true, seed: 9 });
  });
});

describe('project members', () => {
  it('adds and removes members in one change, audited, and lists them', async () => {
    const added = await lead.send('PUT', '/api/projects/plain/members', { add: ['ann', 'ben'] });
    expect(added.statusCode).toBe(200);
    expect(added.json().members).toEqual([
      { name: 'ann', role: 'annotator', since: expect.any(String) },
      { name: 'ben', role: 'annotator', since: expect.any(String) },
    ]);
    const changed = await lead.send('PUT', '/api/projects/plain/members', { add: ['ann', 'rita'], remove: ['ben'] });
    expect(changed.json().members.map((m: { name: string }) => m.name)).toEqual(['ann', 'rita']);
    expect((await lead.send('GET', '/api/projects/plain/members')).json().members).toHaveLength(2);
    expect((await audit('member.add')).map((e) => e.targetId)).toEqual(['ann', 'ben', 'rita']);
    expect((await audit('member.remove')).map((e) => e.targetId)).toEqual(['ben']);
  });

  it('refuses unknown users without changing anything, and a name both added and removed', async () => {
    const res = await lead.send('PUT', '/api/projects/plain/members', { add: ['ben', 'ghost'] });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'USER_NOT_FOUND', message: 'no user named "ghost"' });
    expect((await lead.send('GET', '/api/projects/plain/members')).json().members.map((m: { name: string }) => m.name)).toEqual(['ann', 'rita']);
    expect((await lead.send('PUT', '/api/projects/plain/members', { add: ['ben'], remove: ['ben'] })).statusCode).toBe(400);
    expect((await lead.send('GET', '/api/projects/nope/members')).statusCode).toBe(404);
  });

  it('shows a new member the project at once, and hides it once removed', async () => {
    const ben = await sessionCaller(app, t.db, 'ben', clock);
    expect((await ben.send('GET', '/api/projects/plain')).statusCode).toBe(404);
    await lead.send('PUT', '/api/projects/plain/members', { add: ['ben'] });
    expect((await ben.send('GET', '/api/projects/plain')).statusCode).toBe(200);
    await lead.send('PUT', '/api/projects/plain/members', { remove: ['ben'] });
    expect((await ben.send('GET', '/api/projects')).json().projects).toEqual([]);
  });
});
