import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE } from '../../shared/constants';
import { buildApp, type App } from '../app';
import { signIn } from '../test/app-client';
import { useTestDatabase } from '../test/hooks';
import { seedUser, TEST_PASSWORD } from '../test/seed';
import { createApiToken } from '../services/users';

const t = useTestDatabase();
let app: App;

beforeAll(async () => {
  app = await buildApp({ db: t.db, config: { clientDir: 'does-not-exist', secureCookies: false } });
  await seedUser(t.db, 'ann', 'annotator');
});
afterAll(async () => app?.close());

describe('sign-in and sessions', () => {
  it('signs in with the right password and sets an HttpOnly, SameSite session cookie', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ann', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { name: 'ann', role: 'annotator' }, demo: false });
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
  });

  it('refuses a wrong password and an unknown user alike, with 401 INVALID_CREDENTIALS', async () => {
    for (const payload of [{ username: 'ann', password: 'nope' }, { username: 'nobody', password: TEST_PASSWORD }]) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('INVALID_CREDENTIALS');
    }
  });

  it('stores no plain password', async () => {
    const rows = await t.db.orm.select().from(t.db.t.users);
    for (const row of rows) {
      expect(row.passwordHash).toMatch(/^scrypt\$/);
      expect(row.passwordHash).not.toContain(TEST_PASSWORD);
    }
  });

  it('answers /api/me with 401 without credentials and with the user after sign-in', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const ann = await signIn(app, 'ann', TEST_PASSWORD);
    const me = await ann.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.name).toBe('ann');
  });

  it('rejects a cookie-authenticated write without the CSRF header', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ann', password: TEST_PASSWORD } });
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!;
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { [SESSION_COOKIE]: cookie.value } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_MISMATCH');
    const wrong = await app.inject({
      method: 'POST', url: '/api/auth/logout', cookies: { [SESSION_COOKIE]: cookie.value }, headers: { [CSRF_HEADER]: 'forged' },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('ends the session on logout', async () => {
    const ann = await signIn(app, 'ann', TEST_PASSWORD);
    expect((await ann.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await ann.get('/api/me')).statusCode).toBe(401);
  });

  it('accepts a Bearer API token without CSRF, and refuses an unknown one', async () => {
    const token = await createApiToken(t.db, 'ann');
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.name).toBe('ann');
    const bad = await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Bearer rl_unknown' } });
    expect(bad.statusCode).toBe(401);
    const tokens = await t.db.orm.select().from(t.db.t.apiTokens);
    expect(tokens.every((row) => row.tokenHash !== token)).toBe(true);
  });

  it('answers unknown API paths with a coded 404 and reports health', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ ok: true, database: t.db.dialect });
  });

  it('describes the API at /api/openapi.json', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/solutions/{id}/annotation']));
  });
});
