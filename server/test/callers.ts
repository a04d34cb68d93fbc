import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE } from '../../shared/constants';
import type { App } from '../app';
import type { Database } from '../db/connection';
import { createSession } from '../services/sessions';
import { findUserByName } from '../services/users';

/** A caller that can send any method; what the permission and admin tests need. */
export interface AnyCaller {
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  send(method: InjectOptions['method'], url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

function caller(request: (opts: InjectOptions) => Promise<LightMyRequestResponse>): AnyCaller {
  return {
    request,
    send: (method, url, payload) => request({ method, url, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) }),
  };
}

/**
 * A browser-like caller with a session made straight in the database at `now` (no scrypt, so
 * tests can make hundreds), sending its cookie and CSRF header like the real client.
 */
export async function sessionCaller(app: App, db: Database, name: string, now: Date): Promise<AnyCaller & { sessionId: string }> {
  const user = await findUserByName(db, name);
  if (!user) throw new Error(`no user ${name}`);
  const { token, principal } = await db.transaction((tx) => createSession(db, tx, user, now));
  return {
    sessionId: principal.sessionId!,
    ...caller((opts) => app.inject({ ...opts, cookies: { [SESSION_COOKIE]: token }, headers: { [CSRF_HEADER]: principal.csrfToken!, ...opts.headers } })),
  };
}

/** A script-like caller with `Authorization: Bearer TOKEN`. */
export function tokenCaller(app: App, token: string): AnyCaller {
  return caller((opts) => app.inject({ ...opts, headers: { authorization: `Bearer ${token}`, ...opts.headers } }));
}

/** No credentials at all. */
export function anonymousCaller(app: App): AnyCaller {
  return caller((opts) => app.inject(opts));
}
