import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../shared/constants';
import { buildApp, type App } from '../app';
import { useTestDatabase } from '../test/hooks';
import { seedUser, TEST_PASSWORD } from '../test/seed';

const t = useTestDatabase();
let app: App;
let other: App;
let clock = new Date('2026-03-01T08:00:00Z');
const advance = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

/** One sign-in attempt from an address (the test's stand-in for a client's IP). */
const attempt = (username: string, password: string, ip = '10.0.0.1', via: App = app) =>
  via.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

beforeAll(async () => {
  // Two instances on one database: limits live in the database, so both see them.
  app = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false }, now: () => clock });
  other = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false }, now: () => clock });
  for (const name of ['ann', 'ben', 'cat']) await seedUser(t.db, name);
});
afterAll(async () => {
  await app?.close();
  await other?.close();
});

describe('sign-in rate limits', () => {
  it('refuses a name after 5 failures in 15 minutes, even with the right password, on every instance', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await attempt('ann', 'wrong', '10.0.0.1', i % 2 === 0 ? app : other);
      expect(res.statusCode).toBe(401);
      advance(1);
    }
    for (const via of [app, other]) {
      const res = await attempt('ann', TEST_PASSWORD, '10.9.9.9', via);
      expect(res.statusCode).toBe(429);
      // The first failure was at 08:00, so the block lifts at 08:15; it is now 08:05.
      expect(res.json()).toEqual({ code: 'RATE_LIMITED', message: 'too many sign-in attempts; try again in 10 minutes', details: { retryAfterSeconds: 600 } });
      expect(res.headers['retry-after']).toBe('600');
    }
    expect((await attempt('ben', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('lifts the block when the window passes, and a success starts the count again', async () => {
    advance(9); // 08:14: still blocked, a minute to go
    expect((await attempt('ann', TEST_PASSWORD)).json().message).toBe('too many sign-in attempts; try again in 1 minute');
    advance(1); // 08:15: the 08:00 failure has left the window; four remain
    expect((await attempt('ann', TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt('ann', 'wrong')).statusCode).toBe(401);
    expect((await attempt('ann', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses an address after 20 failures, whatever the names, and not other addresses', async () => {
    advance(30);
    for (let i = 0; i < 20; i++) expect((await attempt(`nobody${i}`, 'guess', '10.0.0.66')).statusCode).toBe(401);
    const blocked = await attempt('cat', TEST_PASSWORD, '10.0.0.66');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().message).toBe('too many sign-in attempts; try again in 15 minutes');
    expect((await attempt('cat', TEST_PASSWORD, '10.0.0.67')).statusCode).toBe(200);
    advance(15);
    expect((await attempt('cat', TEST_PASSWORD, '10.0.0.66')).statusCode).toBe(200);
  });

  it('audits failed sign-ins with the name and address, never the password', async () => {
    const failed = await t.db.orm.select().from(t.db.t.auditLog).where(eq(t.db.t.auditLog.action, 'auth.login_failed'));
    expect(failed.filter((e) => e.targetId === 'ann')).toHaveLength(9);
    expect(failed[0]).toMatchObject({ actorId: null, targetType: 'user', details: { ip: '10.0.0.1' } });
    expect(JSON.stringify(failed)).not.toMatch(/wrong|guess/);
  });

  it('keeps the attempts table small: attempts older than the window are forgotten', async () => {
    advance(60);
    await attempt('ann', 'wrong', '10.0.0.1');
    const rows = await t.db.orm.select().from(t.db.t.loginAttempts).where(eq(t.db.t.loginAttempts.userName, 'ann'));
    expect(rows).toHaveLength(1);
  });
});

describe('the session cookie', () => {
  const cookieOf = async (via: App, headers: Record<string, string> = {}) => {
    const res = await via.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ben', password: TEST_PASSWORD }, headers });
    expect(res.statusCode).toBe(200);
    return res.cookies.find((c) => c.name === SESSION_COOKIE)!;
  };

  it('is Secure when the request came over https through a trusted proxy, and not over plain http', async () => {
    const proxied = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false, trustProxy: true }, now: () => clock });
    try {
      expect((await cookieOf(proxied, { 'x-forwarded-proto': 'https' })).secure).toBe(true);
      expect((await cookieOf(proxied)).secure).toBeFalsy();
    } finally {
      await proxied.close();
    }
  });

  it('ignores X-Forwarded-Proto from a caller when no proxy is trusted (REDLINE_TRUST_PROXY unset)', async () => {
    expect((await cookieOf(app, { 'x-forwarded-proto': 'https' })).secure).toBeFalsy();
  });

  it('is always Secure with REDLINE_SECURE_COOKIES=true', async () => {
    const secure = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: true }, now: () => clock });
    try {
      const cookie = await cookieOf(secure);
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
    } finally {
      await secure.close();
    }
  });
});
