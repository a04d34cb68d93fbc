import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app';
import { readConfig, readLimits, readTrustProxy } from '../config';
import { startExportDownload, type ExportDownload } from '../services/export/export-download';
import { EXPORT_PROJECT, seedExportProject } from '../services/export/export-test-project';
import { getProject } from '../services/projects';
import { issueApiToken } from '../services/tokens';
import { findUserByName } from '../services/users';
import { sessionCaller, tokenCaller } from '../test/callers';
import { useTestDatabase } from '../test/hooks';
import { seedUser, TEST_PASSWORD } from '../test/seed';

// The hardening limits of SPEC §9 / issue 8, each answering with a coded error:
// request body size, Bearer-token rate, concurrent exports, and whose address sign-in limits see.
const t = useTestDatabase();
const config = { clientDir: 'none', secureCookies: false };
let clock = new Date('2026-05-04T10:00:00Z');
const apps: App[] = [];

async function app(extra: Record<string, unknown> = {}): Promise<App> {
  const built = await buildApp({ db: t.db, config: { ...config, ...extra }, now: () => clock });
  apps.push(built);
  return built;
}

beforeAll(async () => {
  await seedUser(t.db, 'rita', 'researcher');
  await seedUser(t.db, 'sam', 'annotator');
  await seedExportProject(t.db);
});
afterAll(async () => {
  for (const a of apps) await a.close();
});

describe('request body limit', () => {
  it('answers a JSON body over 5 MB with 413 PAYLOAD_TOO_LARGE naming the limit', async () => {
    const server = await app();
    const payload = JSON.stringify({ username: 'sam', password: 'x'.repeat(5 * 1024 * 1024) });
    const res = await server.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'the request body is larger than the 5 MB limit',
      details: { limitBytes: 5 * 1024 * 1024 },
    });
  });

  it('says the same over real HTTP, where the length header alone is enough to refuse', async () => {
    const server = await app();
    const url = await server.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sam', password: 'y'.repeat(6 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'the request body is larger than the 5 MB limit' });
  });
});

describe('Bearer-token rate limit', () => {
  it('allows REDLINE_TOKEN_RATE_PER_MINUTE requests per token per minute, then 429 RATE_LIMITED with Retry-After', async () => {
    const server = await app({ limits: readConfig({ REDLINE_TOKEN_RATE_PER_MINUTE: '3' }).limits });
    clock = new Date('2026-05-04T10:00:15Z');
    const { token } = await issueApiToken(t.db, 'rita', 'script', null, clock);
    const { token: other } = await issueApiToken(t.db, 'rita', 'other script', null, clock);
    const script = tokenCaller(server, token);
    for (let i = 0; i < 3; i++) expect((await script.send('GET', '/api/me')).statusCode).toBe(200);
    const refused = await script.send('GET', '/api/me');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('45');
    expect(refused.json()).toEqual({
      code: 'RATE_LIMITED',
      message: 'this API token is over its limit of 3 requests per minute (REDLINE_TOKEN_RATE_PER_MINUTE); try again in 45 s',
      details: { retryAfterSeconds: 45, limitPerMinute: 3 },
    });
    // Another token of the same user, and the user's browser session, have their own allowance.
    expect((await tokenCaller(server, other).send('GET', '/api/me')).statusCode).toBe(200);
    const browser = await sessionCaller(server, t.db, 'rita', clock);
    for (let i = 0; i < 5; i++) expect((await browser.send('GET', '/api/me')).statusCode).toBe(200);
    // A new clock minute is a new window.
    clock = new Date('2026-05-04T10:01:00Z');
    expect((await script.send('GET', '/api/me')).statusCode).toBe(200);
  });

  it('counts only tokens that authenticated: an unknown token stays 401, never 429', async () => {
    const server = await app({ limits: readConfig({ REDLINE_TOKEN_RATE_PER_MINUTE: '1' }).limits });
    const stranger = tokenCaller(server, 'rl_not-a-real-token');
    for (let i = 0; i < 3; i++) expect((await stranger.send('GET', '/api/me')).json().code).toBe('UNAUTHENTICATED');
  });
});

describe('concurrent exports per user', () => {
  it('refuses one over REDLINE_MAX_CONCURRENT_EXPORTS with 429 RATE_LIMITED naming the limit', async () => {
    const { limits } = readConfig({ REDLINE_MAX_CONCURRENT_EXPORTS: '1' });
    const server = await app({ limits });
    const project = await getProject(t.db, EXPORT_PROJECT);
    const rita = (await findUserByName(t.db, 'rita'))!;
    const first: ExportDownload = await startExportDownload(t.db, { userId: rita.id }, project, { kind: 'sft', format: 'trl' }, server.log, limits.maxConcurrentExports);
    const browser = await sessionCaller(server, t.db, 'rita', clock);
    const res = await browser.send('GET', `/api/projects/${EXPORT_PROJECT}/export?kind=sft&format=trl`);
    expect(res.statusCode).toBe(429);
    expect(res.json()).toEqual({
      code: 'RATE_LIMITED',
      message: 'you already have 1 export running (limit 1 at once, REDLINE_MAX_CONCURRENT_EXPORTS); wait for one to finish',
      details: { limit: 1, running: 1 },
    });
    first.stream.resume();
    await first.done;
    // The slot is free again once the first zip has ended.
    const again = await browser.send('GET', `/api/projects/${EXPORT_PROJECT}/export?kind=sft&format=trl`);
    expect(again.statusCode).toBe(200);
  });
});

describe('REDLINE_TRUST_PROXY and the address sign-in limits see', () => {
  /** The address recorded for the latest sign-in attempt by this name. */
  async function seenAddress(server: App, name: string): Promise<string> {
    const res = await server.inject({
      method: 'POST', url: '/api/auth/login', payload: { username: name, password: 'wrong' },
      remoteAddress: '10.1.1.1', headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    expect(res.statusCode).toBe(401);
    const rows = await t.db.orm.select({ ip: t.db.t.loginAttempts.ip }).from(t.db.t.loginAttempts).where(eq(t.db.t.loginAttempts.userName, name));
    return rows.at(-1)!.ip;
  }

  it('ignores X-Forwarded-For by default, believes it when told to trust the proxy that sent it', async () => {
    expect(await seenAddress(await app(), 'nobody-default')).toBe('10.1.1.1');
    expect(await seenAddress(await app({ trustProxy: false }), 'nobody-off')).toBe('10.1.1.1');
    expect(await seenAddress(await app({ trustProxy: true }), 'nobody-on')).toBe('203.0.113.7');
    expect(await seenAddress(await app({ trustProxy: ['10.1.1.1'] }), 'nobody-listed')).toBe('203.0.113.7');
    expect(await seenAddress(await app({ trustProxy: ['10.9.9.9'] }), 'nobody-unlisted')).toBe('10.1.1.1');
  });

  it('with trust off, a client rotating X-Forwarded-For is still blocked after 20 failures from its address', async () => {
    const server = await app();
    clock = new Date('2026-05-04T12:00:00Z');
    const attempt = (username: string, password: string, i: number) => server.inject({
      method: 'POST', url: '/api/auth/login', payload: { username, password },
      remoteAddress: '10.2.2.2', headers: { 'x-forwarded-for': `198.51.100.${i}` },
    });
    for (let i = 0; i < 20; i++) expect((await attempt(`guess${i}`, 'guess', i)).statusCode).toBe(401);
    const blocked = await attempt('sam', TEST_PASSWORD, 99);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('RATE_LIMITED');
  });
});

describe('configuration', () => {
  it('reads REDLINE_TRUST_PROXY as off, on, or a list of proxies', () => {
    expect(readTrustProxy({})).toBe(false);
    expect(readTrustProxy({ REDLINE_TRUST_PROXY: 'false' })).toBe(false);
    expect(readTrustProxy({ REDLINE_TRUST_PROXY: 'true' })).toBe(true);
    expect(readTrustProxy({ REDLINE_TRUST_PROXY: '10.0.0.1, 10.0.0.0/8' })).toEqual(['10.0.0.1', '10.0.0.0/8']);
    expect(readConfig({ REDLINE_TRUST_PROXY: '127.0.0.1' }).trustProxy).toEqual(['127.0.0.1']);
  });

  it('defaults the limits and refuses nonsense at start-up, naming the variable', () => {
    expect(readLimits({})).toEqual({ tokenRatePerMinute: 600, maxConcurrentExports: 2, maxConcurrentImports: 2 });
    expect(readConfig({ REDLINE_TOKEN_RATE_PER_MINUTE: '60', REDLINE_MAX_CONCURRENT_EXPORTS: '4' }).limits).toMatchObject({ tokenRatePerMinute: 60, maxConcurrentExports: 4 });
    expect(() => readConfig({ REDLINE_TOKEN_RATE_PER_MINUTE: 'lots' })).toThrow('REDLINE_TOKEN_RATE_PER_MINUTE must be a whole number of at least 1, got "lots"');
    expect(() => readConfig({ REDLINE_MAX_CONCURRENT_EXPORTS: '0' })).toThrow('REDLINE_MAX_CONCURRENT_EXPORTS must be a whole number of at least 1, got "0"');
    expect(() => readConfig({ REDLINE_MAX_CONCURRENT_IMPORTS: '1.5' })).toThrow('REDLINE_MAX_CONCURRENT_IMPORTS must be a whole number of at least 1, got "1.5"');
  });
});
