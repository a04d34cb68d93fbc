import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app';
import { makePng } from '../services/import/test-files';
import { issueApiToken, revokeApiToken } from '../services/tokens';
import { anonymousCaller, sessionCaller, tokenCaller, type AnyCaller } from '../test/callers';
import { useTestDatabase } from '../test/hooks';
import { multipart } from '../test/multipart';
import { seedProject, seedUser, TEST_PASSWORD, type SeededProject } from '../test/seed';

/**
 * Every route checks the caller's role on the server (SPEC §8). Each registered /api route is
 * called by each kind of caller with a valid request, so the answer is about who calls, not
 * about what they sent; a second test proves the table lists every registered route.
 */
const WHO = ['none', 'member', 'stranger', 'researcher', 'lead', 'admin', 'stale', 'revoked'] as const;
type Who = (typeof WHO)[number];
/** 2 = any 2xx. */
type Expected = Record<Who, 2 | 401 | 403 | 404>;

const refused = { none: 401, stale: 401, revoked: 401 } as const;
const PUBLIC: Expected = { none: 2, member: 2, stranger: 2, researcher: 2, lead: 2, admin: 2, stale: 2, revoked: 401 };
const SIGNED_IN: Expected = { ...refused, member: 2, stranger: 2, researcher: 2, lead: 2, admin: 2 };
/** Reading a project's content: annotators only in their projects (others get 404, names do not leak). */
const VISIBLE: Expected = { ...refused, member: 2, stranger: 404, researcher: 2, lead: 2, admin: 2 };
/** Taking, skipping and saving labels: researchers never change labels. */
const LABELLER: Expected = { ...refused, member: 2, stranger: 404, researcher: 403, lead: 2, admin: 2 };
const LEAD: Expected = { ...refused, member: 403, stranger: 403, researcher: 403, lead: 2, admin: 2 };
/** Importing and exporting: researchers and up; annotators are refused even in their own projects. */
const RESEARCHER: Expected = { ...refused, member: 403, stranger: 403, researcher: 2, lead: 2, admin: 2 };
const ADMIN: Expected = { ...refused, member: 403, stranger: 403, researcher: 403, lead: 403, admin: 2 };

const t = useTestDatabase();
let app: App;
let seeded: SeededProject;
let sha256: string;
let clock = new Date('2026-04-01T09:00:00Z');
let counter = 0;

interface Case {
  url: () => string | Promise<string>;
  body?: () => unknown;
  /** A raw body with its own headers (uploads), instead of `body`'s JSON. */
  raw?: () => { payload: Buffer; headers: Record<string, string> };
  expected: Expected;
}
const s = (i: number) => seeded.solutionIds[i]!;

/** `METHOD /path/:param` → how to call it and who may. */
const ROUTES: Record<string, Case> = {
  'GET /api/health': { url: () => '/api/health', expected: PUBLIC },
  'GET /api/openapi.json': { url: () => '/api/openapi.json', expected: PUBLIC },
  'POST /api/auth/login': { url: () => '/api/auth/login', body: () => ({ username: 'victim', password: TEST_PASSWORD }), expected: PUBLIC },
  'POST /api/auth/logout': { url: () => '/api/auth/logout', body: () => ({}), expected: SIGNED_IN },
  'GET /api/me': { url: () => '/api/me', expected: SIGNED_IN },
  'GET /api/projects': { url: () => '/api/projects', expected: SIGNED_IN },
  'POST /api/projects': { url: () => '/api/projects', body: () => ({ name: `new-${(counter += 1)}`, overlap: 2 }), expected: LEAD },
  'GET /api/projects/:project': { url: () => '/api/projects/perm', expected: VISIBLE },
  'PATCH /api/projects/:project': { url: () => '/api/projects/perm', body: () => ({ guidelines: `Be kind ${(counter += 1)}.` }), expected: LEAD },
  'POST /api/projects/:project/queue/next': { url: () => '/api/projects/perm/queue/next', body: () => ({}), expected: LABELLER },
  'GET /api/projects/:project/members': { url: () => '/api/projects/perm/members', expected: LEAD },
  'PUT /api/projects/:project/members': { url: () => '/api/projects/perm/members', body: () => ({ add: ['member'] }), expected: LEAD },
  'GET /api/projects/:project/progress': { url: () => '/api/projects/perm/progress', expected: LEAD },
  'GET /api/projects/:project/export': { url: () => '/api/projects/perm/export?kind=sft&format=trl', expected: RESEARCHER },
  'GET /api/projects/:project/export/preview': { url: () => '/api/projects/perm/export/preview?policy=gold,consensus', expected: RESEARCHER },
  'GET /api/solutions/:id': { url: () => `/api/solutions/${s(0)}`, expected: VISIBLE },
  'POST /api/solutions/:id/skip': { url: () => `/api/solutions/${s(2)}/skip`, body: () => ({}), expected: LABELLER },
  'PUT /api/solutions/:id/annotation': {
    url: () => `/api/solutions/${s(1)}/annotation`,
    body: () => ({
      verdict: 'correct', firstErrorStep: null, stepRatings: null, errorType: null, errorAnalysis: '', improvementSuggestion: '',
      correctedSolution: null, regions: [], flags: { badProblem: false, unsure: false }, timeSpentMs: 0, status: 'draft', version: 0,
    }),
    expected: LABELLER,
  },
  'GET /api/solutions/:id/history': { url: () => `/api/solutions/${s(0)}/history`, expected: LEAD },
  'GET /api/images/:sha256': { url: () => `/api/images/${sha256}`, expected: VISIBLE },
  'GET /api/audit': { url: () => '/api/audit?limit=5', expected: LEAD },
  'GET /api/users': { url: () => '/api/users', expected: ADMIN },
  'POST /api/users': { url: () => '/api/users', body: () => ({ name: `made${(counter += 1)}`, role: 'annotator', password: 'long enough' }), expected: ADMIN },
  'PATCH /api/users/:name': { url: () => '/api/users/victim', body: () => ({ disabled: false }), expected: ADMIN },
  'GET /api/users/:name/tokens': { url: () => '/api/users/victim/tokens', expected: ADMIN },
  'POST /api/users/:name/tokens': { url: () => '/api/users/victim/tokens', body: () => ({ label: 'ci' }), expected: ADMIN },
  'GET /api/projects/:project/agreement': { url: () => '/api/projects/perm/agreement?bootstrap=false', expected: LEAD },
  'GET /api/projects/:project/agreement/solutions': { url: () => '/api/projects/perm/agreement/solutions?cell=annotator&name=member', expected: LEAD },
  'POST /api/projects/:project/imports': { url: () => '/api/projects/perm/imports', raw: uploadBody, expected: RESEARCHER },
  'GET /api/projects/:project/imports': { url: () => '/api/projects/perm/imports', expected: RESEARCHER },
  'GET /api/projects/:project/imports/:id': { url: async () => `/api/projects/perm/imports/${await importJobId()}`, expected: RESEARCHER },
  'GET /api/projects/:project/imports/:id/rejected': {
    url: async () => `/api/projects/perm/imports/${await importJobId()}/rejected`,
    expected: RESEARCHER,
  },
  'GET /api/projects/:project/review': { url: () => '/api/projects/perm/review', expected: LEAD },
  'GET /api/projects/:project/review/counts': { url: () => '/api/projects/perm/review/counts', expected: LEAD },
  'GET /api/projects/:project/qc': { url: () => '/api/projects/perm/qc', expected: LEAD },
  // Gold is set by the project's own leads (the lead here is no member of perm) and admins.
  'PUT /api/solutions/:id/adjudication': {
    url: () => `/api/solutions/${s(0)}/adjudication`,
    body: () => ({
      verdict: 'correct', firstErrorStep: null, stepRatings: null, errorType: null, errorAnalysis: '', improvementSuggestion: '',
      correctedSolution: null, regions: [], flags: { badProblem: false, unsure: false }, reason: 'checked by hand', version: 0,
    }),
    expected: { ...LEAD, lead: 403 },
  },
  // After the PUT above (rows run in order): only an existing gold can be marked.
  'POST /api/solutions/:id/adjudication/qc': { url: () => `/api/solutions/${s(0)}/adjudication/qc`, body: () => ({ qc: true }), expected: { ...LEAD, lead: 403 } },
  'POST /api/projects/:project/orm-runs': {
    url: () => '/api/projects/perm/orm-runs',
    // Nothing listens on port 9: the run starts, fails its requests and ends; only the role check matters here.
    body: () => ({ endpoint: 'http://127.0.0.1:9/v1', model: `perm-${(counter += 1)}`, concurrency: 1 }),
    expected: RESEARCHER,
  },
  'GET /api/projects/:project/orm-runs': { url: () => '/api/projects/perm/orm-runs', expected: RESEARCHER },
  'GET /api/projects/:project/orm-runs/:id': { url: async () => `/api/projects/perm/orm-runs/${await ormRunId()}`, expected: RESEARCHER },
  'POST /api/projects/:project/orm-runs/:id/cancel': {
    url: async () => `/api/projects/perm/orm-runs/${await ormRunId()}/cancel`,
    body: () => ({}),
    expected: RESEARCHER,
  },
  'DELETE /api/users/:name/tokens/:id': {
    url: async () => `/api/users/victim/tokens/${(await issueApiToken(t.db, 'victim', 'to revoke', null)).id}`,
    expected: ADMIN,
  },
};

/** A one-line upload into perm; each caller's upload has a new solution id. */
function uploadBody() {
  const id = `up-${(counter += 1)}`;
  const line = JSON.stringify({ problem: { id, question: 'What is $1+1$?' }, solution: { id, model: 'm', steps: ['1+1=2'] } });
  return multipart({ format: 'redline' }, [{ name: 'data.jsonl', content: `${line}\n` }]);
}

/** A finished import job of perm, uploaded by an admin. */
async function importJobId(): Promise<number> {
  const admin = await sessionCaller(app, t.db, 'admin', clock);
  const res = await admin.request({ method: 'POST', url: '/api/projects/perm/imports', ...uploadBody() });
  if (res.statusCode !== 202) throw new Error(`uploading: ${res.statusCode} ${res.body}`);
  const id = (res.json() as { job: { id: number } }).job.id;
  for (let i = 0; i < 200; i++) {
    const job = await admin.send('GET', `/api/projects/perm/imports/${id}`);
    if ((job.json() as { job: { status: string } }).job.status !== 'running') return id;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`import ${id} did not finish`);
}

/** An ORM run of the project, started by an admin against an endpoint where nothing listens. */
async function ormRunId(): Promise<number> {
  const admin = await sessionCaller(app, t.db, 'admin', clock);
  const res = await admin.send('POST', '/api/projects/perm/orm-runs', { endpoint: 'http://127.0.0.1:9/v1', model: `perm-${(counter += 1)}`, concurrency: 1 });
  if (res.statusCode !== 201) throw new Error(`starting an ORM run: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: number }).id;
}

/** A fresh caller of each kind for every request, so a logout or a moved clock touches no other case. */
async function callerFor(who: Who): Promise<AnyCaller> {
  switch (who) {
    case 'none':
      return anonymousCaller(app);
    case 'stale': {
      const caller = await sessionCaller(app, t.db, 'admin2', clock);
      clock = new Date(clock.getTime() + 8 * 86_400_000); // sessions last 7 days
      return caller;
    }
    case 'revoked': {
      const { token, id } = await issueApiToken(t.db, 'admin2', 'revoked', null, clock);
      await revokeApiToken(t.db, 'admin2', id, null, clock);
      return tokenCaller(app, token);
    }
    default:
      return sessionCaller(app, t.db, who, clock);
  }
}

/** The /api routes Fastify has, as `METHOD /path/:param`, read from its route tree. */
function registeredApiRoutes(): string[] {
  const routes: string[] = [];
  const paths: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    paths.length = depth;
    const path = (paths[depth - 1] ?? '') + match[2];
    paths[depth] = path;
    for (const method of match[3]?.split(', ') ?? []) if (method !== 'HEAD' && path.startsWith('/api/')) routes.push(`${method} ${path}`);
  }
  return routes.sort();
}

beforeAll(async () => {
  app = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false }, now: () => clock });
  for (const [name, role] of [['member', 'annotator'], ['stranger', 'annotator'], ['victim', 'annotator'], ['researcher', 'researcher'],
    ['lead', 'lead'], ['admin', 'admin'], ['admin2', 'admin']] as const) await seedUser(t.db, name, role);
  seeded = await seedProject(t.db, { name: 'perm', overlap: 10, problems: 3, members: ['member'] });
  const png = makePng(2, 2);
  sha256 = createHash('sha256').update(png).digest('hex');
  const [solution] = await t.db.orm.select().from(t.db.t.solutions).where(eq(t.db.t.solutions.id, s(0)));
  await t.db.transaction(async (tx) => {
    await tx.insert(t.db.t.images).values({ sha256, mime: 'image/png', width: 2, height: 2, bytes: png.length, data: png });
    await tx.insert(t.db.t.problemImages).values({ problemId: solution!.problemId, position: 0, imageSha256: sha256 });
  });
});
afterAll(async () => app?.close());

describe('role checks on every route', () => {
  it('has a row for every registered /api route, and no row for a route that does not exist', () => {
    expect(Object.keys(ROUTES).sort()).toEqual(registeredApiRoutes());
  });

  it.each(Object.keys(ROUTES))('%s', async (route) => {
    const [method, pattern] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string];
    const spec = ROUTES[route]!;
    const actual = {} as Record<Who, number>;
    for (const who of WHO) {
      const caller = await callerFor(who);
      const url = await spec.url();
      const res = spec.raw ? await caller.request({ method, url, ...spec.raw() }) : await caller.send(method, url, spec.body?.());
      actual[who] = res.statusCode >= 200 && res.statusCode < 300 ? 2 : res.statusCode;
      if (actual[who] >= 500) throw new Error(`${route} as ${who}: ${res.statusCode} ${res.body}`);
    }
    expect(actual, `${pattern}: status per caller`).toEqual(spec.expected);
  });
});
