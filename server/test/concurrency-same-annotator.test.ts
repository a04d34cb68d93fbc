import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app';
import { signIn, type Caller } from './app-client';
import { stallRevisionWrites, until } from './concurrency-stall';
import { useTestDatabase } from './hooks';
import { seedProject, seedUser, TEST_PASSWORD, type SeededProject } from './seed';
import { testDialect } from './test-database';

// One annotator, two saves of the same version at once (two tabs, or an autosave racing the
// submit button). SPEC §9: concurrent edits are detected (409), not overwritten — and never a
// 5xx. On PostgreSQL the first save is paused after its write (see concurrency-stall.ts) while
// the second reads the same version and tries to write too; on SQLite the two take turns.

const t = useTestDatabase();
let app: App;
let seeded: SeededProject;
let ann: Caller;

beforeAll(async () => {
  app = await buildApp({ db: t.db, config: { clientDir: 'none', secureCookies: false } });
  await seedUser(t.db, 'twotabs');
  seeded = await seedProject(t.db, { name: 'tabs', overlap: 3, problems: 1, members: ['twotabs'] });
  ann = await signIn(app, 'twotabs', TEST_PASSWORD);
});
afterAll(async () => app?.close());

const save = (status: 'draft' | 'submitted', version: number, errorAnalysis: string) =>
  ann.put(`/api/solutions/${seeded.solutionIds[0]}/annotation`, {
    verdict: 'incorrect', firstErrorStep: 1, stepRatings: null, errorType: null, errorAnalysis, improvementSuggestion: '',
    correctedSolution: null, regions: [], flags: { badProblem: false, unsure: false }, timeSpentMs: 0, status, version,
  });

type Response = Awaited<ReturnType<typeof save>>;

/** Runs `first` and, while it is paused just before committing (PostgreSQL), `second`. */
async function race(first: () => Promise<Response>, second: () => Promise<Response>): Promise<[Response, Response]> {
  if (testDialect() !== 'postgres') return Promise.all([first(), second()]);
  const stall = await stallRevisionWrites(t.url);
  let a: Promise<Response> | undefined;
  let b: Promise<Response> | undefined;
  try {
    a = first();
    expect(await until(async () => (await stall.waiting()) >= 1)).toBe(true);
    b = second();
    let answered = false;
    void b.then(() => (answered = true), () => (answered = true));
    expect(await until(async () => answered || (await stall.waiting()) >= 2)).toBe(true);
  } finally {
    await stall.release();
  }
  return Promise.all([a, b]);
}

async function stored() {
  const { annotations, annotationRevisions } = t.db.t;
  const rows = await t.db.orm.select().from(annotations).where(eq(annotations.solutionId, seeded.solutionIds[0]!));
  const revisions = rows[0]
    ? await t.db.orm.select().from(annotationRevisions).where(and(eq(annotationRevisions.annotationId, rows[0].id)))
    : [];
  return { rows, revisions };
}

describe('two saves of the same version by one annotator, at once', () => {
  it.each([
    ['first saves (version 0)', 'draft', 0, 1],
    ['draft edits (version 1)', 'draft', 1, 2],
    ['submissions (version 2)', 'submitted', 2, 3],
  ] as const)('%s: one lands, the other gets 409 VERSION_CONFLICT with the stored version, no 5xx', async (_name, status, version, expected) => {
    const [one, two] = await race(() => save(status, version, `tab one, v${version}`), () => save(status, version, `tab two, v${version}`));
    expect([one.statusCode, two.statusCode]).toEqual([200, 409]);
    expect(two.json()).toMatchObject({ code: 'VERSION_CONFLICT', current: { version: expected, errorAnalysis: `tab one, v${version}` } });
    const { rows, revisions } = await stored();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: expected, errorAnalysis: `tab one, v${version}` });
    expect(revisions.map((r) => r.version).sort()).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
  });
});
