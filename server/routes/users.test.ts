import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app';
import { signIn } from '../test/app-client';
import { anonymousCaller, sessionCaller, tokenCaller, type AnyCaller } from '../test/callers';
import { useTestDatabase } from '../test/hooks';
import { seedProject, seedUser, TEST_PASSWORD } from '../test/seed';

const t = useTestDatabase();
let app: App;
let admin: AnyCaller & { sessionId: string };
const clock = new Date('2026-02-01T10:00:00Z');

const auditOf = async (action: string) =>
  (await t.db.orm.select().from(t.db.t.auditLog).where(eq(t.db.t.auditLog.action, action)));

beforeAll(async () => {
  app = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false }, now: () => clock });
  await seedUser(t.db, 'root', 'admin');
  for (const name of ['ann', 'ben', 'cat']) await seedUser(t.db, name);
  await seedProject(t.db, { name: 'p1', problems: 2, members: ['ann'] });
  admin = await sessionCaller(app, t.db, 'root', clock);
});
afterAll(async () => app?.close());

describe('user administration', () => {
  it('lists users with role, status, last sign-in and projects, to admins only', async () => {
    await signIn(app, 'ann', TEST_PASSWORD);
    const res = await admin.send('GET', '/api/users');
    expect(res.statusCode).toBe(200);
    const ann = res.json().users.find((u: { name: string }) => u.name === 'ann');
    expect(ann).toMatchObject({ role: 'annotator', disabled: false, imported: false, projects: ['p1'], lastSignInAt: clock.toISOString() });
    expect(res.json().users.find((u: { name: string }) => u.name === 'ben').lastSignInAt).toBeNull();
    expect(JSON.stringify(res.json())).not.toMatch(/scrypt|passwordHash/);
    const annCaller = await sessionCaller(app, t.db, 'ann', clock);
    expect((await annCaller.send('GET', '/api/users')).statusCode).toBe(403);
    expect((await anonymousCaller(app).send('GET', '/api/users')).statusCode).toBe(401);
  });

  it('adds a user (201), refuses a duplicate (409) and a short password (400)', async () => {
    const res = await admin.send('POST', '/api/users', { name: 'dora', role: 'researcher', password: 'long enough' });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ name: 'dora', role: 'researcher', disabled: false, projects: [] });
    expect((await admin.send('POST', '/api/users', { name: 'dora', role: 'lead', password: 'long enough' })).json().code).toBe('USER_EXISTS');
    const short = await admin.send('POST', '/api/users', { name: 'eve', role: 'lead', password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toContain('password');
    expect((await signIn(app, 'dora', 'long enough')).get).toBeTypeOf('function');
    expect((await auditOf('user.add')).find((e) => e.targetId === 'dora')).toMatchObject({ details: { role: 'researcher' } });
  });

  it('changes a role with effect on the user\'s next request, audited with from and to', async () => {
    const ben = await sessionCaller(app, t.db, 'ben', clock);
    expect((await ben.send('GET', '/api/projects/p1/progress')).statusCode).toBe(403);
    const res = await admin.send('PATCH', '/api/users/ben', { role: 'lead' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.role).toBe('lead');
    expect((await ben.send('GET', '/api/projects/p1/progress')).statusCode).toBe(200);
    expect(await auditOf('user.role')).toEqual([expect.objectContaining({ targetId: 'ben', details: { from: 'annotator', to: 'lead' } })]);
  });

  it('refuses to let an admin demote or disable themself (409 SELF_LOCKOUT)', async () => {
    for (const body of [{ role: 'lead' }, { disabled: true }]) {
      const res = await admin.send('PATCH', '/api/users/root', body);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('SELF_LOCKOUT');
    }
    const [root] = await t.db.orm.select().from(t.db.t.users).where(eq(t.db.t.users.name, 'root'));
    expect(root).toMatchObject({ role: 'admin', disabledAt: null });
    expect((await admin.send('PATCH', '/api/users/root', { role: 'admin' })).statusCode).toBe(200);
  });

  it('disabling ends sessions, stops tokens, releases leases and refuses sign-in; enabling restores tokens', async () => {
    const cat = await sessionCaller(app, t.db, 'cat', clock);
    const token = (await cat.send('POST', '/api/users/cat/tokens', { label: 'script' })).json().token as string;
    await admin.send('PUT', '/api/projects/p1/members', { add: ['cat'] });
    expect((await cat.send('POST', '/api/projects/p1/queue/next')).statusCode).toBe(200);
    const res = await admin.send('PATCH', '/api/users/cat', { disabled: true });
    expect(res.json().user.disabled).toBe(true);
    expect((await cat.send('GET', '/api/me')).statusCode).toBe(401);
    expect((await tokenCaller(app, token).send('GET', '/api/me')).statusCode).toBe(401);
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'cat', password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(401);
    const catId = (await t.db.orm.select().from(t.db.t.users).where(eq(t.db.t.users.name, 'cat')))[0]!.id;
    expect(await t.db.orm.select().from(t.db.t.sessions).where(eq(t.db.t.sessions.userId, catId))).toEqual([]);
    expect(await t.db.orm.select().from(t.db.t.leases).where(eq(t.db.t.leases.userId, catId))).toEqual([]);
    await admin.send('PATCH', '/api/users/cat', { disabled: false });
    expect((await tokenCaller(app, token).send('GET', '/api/me')).statusCode).toBe(200);
    expect((await auditOf('user.disable')).map((e) => e.targetId)).toEqual(['cat']);
    expect((await auditOf('user.enable')).map((e) => e.targetId)).toEqual(['cat']);
  });

  it('resets a password: the old one stops working and the user\'s sessions end; nothing secret is audited', async () => {
    const ann = await sessionCaller(app, t.db, 'ann', clock);
    expect((await admin.send('PATCH', '/api/users/ann', { password: 'brand new secret' })).statusCode).toBe(200);
    expect((await ann.send('GET', '/api/me')).statusCode).toBe(401);
    const old = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ann', password: TEST_PASSWORD } });
    expect(old.statusCode).toBe(401);
    await signIn(app, 'ann', 'brand new secret');
    const entries = await auditOf('user.password_reset');
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain('brand new secret');
    // An admin changing their own password keeps the session they did it from.
    expect((await admin.send('PATCH', '/api/users/root', { password: 'another secret' })).statusCode).toBe(200);
    expect((await admin.send('GET', '/api/me')).statusCode).toBe(200);
  });

  it('answers 404 for an unknown user', async () => {
    const res = await admin.send('PATCH', '/api/users/nobody', { role: 'lead' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('USER_NOT_FOUND');
  });
});

describe('API tokens', () => {
  it('lets a user make, list and revoke their own tokens; the secret is shown once and stored hashed', async () => {
    const ann = await sessionCaller(app, t.db, 'ann', clock);
    const made = await ann.send('POST', '/api/users/ann/tokens', { label: 'laptop' });
    expect(made.statusCode).toBe(201);
    const { token, id } = made.json() as { token: string; id: number };
    expect(token).toMatch(/^rl_/);
    expect((await tokenCaller(app, token).send('GET', '/api/me')).json().user.name).toBe('ann');
    const list = await ann.send('GET', '/api/users/ann/tokens');
    expect(list.json().tokens).toEqual([expect.objectContaining({ id, label: 'laptop', revokedAt: null, lastUsedAt: clock.toISOString() })]);
    expect(list.body).not.toContain(token);
    const rows = await t.db.orm.select().from(t.db.t.apiTokens).where(eq(t.db.t.apiTokens.id, id));
    expect(rows[0]!.tokenHash).not.toBe(token);
    expect((await ann.send('DELETE', `/api/users/ann/tokens/${id}`)).statusCode).toBe(204);
    expect((await tokenCaller(app, token).send('GET', '/api/me')).statusCode).toBe(401);
    expect((await ann.send('GET', '/api/users/ann/tokens')).json().tokens[0].revokedAt).toBe(clock.toISOString());
    expect((await ann.send('DELETE', `/api/users/ann/tokens/${id}`)).statusCode).toBe(204);
    const audit = [...(await auditOf('token.create')), ...(await auditOf('token.revoke'))];
    expect(audit.filter((e) => e.targetId === 'ann').map((e) => e.action)).toEqual(['token.create', 'token.revoke']);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('lets an admin manage anyone\'s tokens, and nobody else', async () => {
    const ann = await sessionCaller(app, t.db, 'ann', clock);
    expect((await ann.send('GET', '/api/users/dora/tokens')).statusCode).toBe(403);
    expect((await ann.send('POST', '/api/users/dora/tokens', { label: 'x' })).statusCode).toBe(403);
    const made = await admin.request({ method: 'POST', url: '/api/users/dora/tokens' }); // no body: label ''
    expect(made.statusCode).toBe(201);
    expect((await ann.send('DELETE', `/api/users/dora/tokens/${made.json().id}`)).statusCode).toBe(403);
    expect((await ann.send('DELETE', `/api/users/ann/tokens/${made.json().id}`)).statusCode).toBe(404);
    expect((await admin.send('DELETE', `/api/users/dora/tokens/${made.json().id}`)).statusCode).toBe(204);
    expect((await admin.send('GET', '/api/users/dora/tokens')).json().tokens).toEqual([expect.objectContaining({ label: '' })]);
  });
});
