// The demo a person gets from `npm start` on an empty database: the project `demo` for labelling,
// and `demo-audit`, the same lines labelled by three reviewers, whose Agreement and Review pages
// show numbers (not dashes) from the first visit.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AUDIT_PROJECT, DEMO_PROJECT } from '../../shared/constants';
import { useTestDatabase } from '../test/hooks';
import { agreementReport } from './agreement/agreement-report';
import { loadDemo } from './demo';
import { reviewCounts } from './review';
import type { Principal } from './sessions';

const t = useTestDatabase();
let first: Awaited<ReturnType<typeof loadDemo>>;

beforeAll(async () => {
  first = await loadDemo(t.db);
}, 60_000);

describe('loadDemo', () => {
  it('loads demo (73 solutions of 34 problems) and demo-audit (the same, 3 reviewers), and a second load changes nothing', async () => {
    expect(first.created).toBe(true);
    expect(first.summary?.imported).toMatchObject({ problems: 34, solutions: 73 });
    expect(first.audit?.imported).toMatchObject({ problems: 34, solutions: 73 });
    expect(first.audit?.imported.annotations).toBeGreaterThan(73 * 2);
    const again = await loadDemo(t.db);
    expect(again.created).toBe(false);
    expect(again.audit?.imported).toMatchObject({ problems: 0, solutions: 0, annotations: 0 });
  });

  it('makes the lead, not the annotators, a member of demo-audit (their queues stay the demo’s)', async () => {
    const { projects, projectMembers, users } = t.db.t;
    const members = await t.db.orm.select({ name: users.name }).from(projectMembers)
      .innerJoin(users, eq(users.id, projectMembers.userId)).innerJoin(projects, eq(projects.id, projectMembers.projectId))
      .where(eq(projects.name, DEMO_AUDIT_PROJECT));
    expect(members.map((m) => m.name)).toEqual(['lead']);
  });

  it('gives demo-audit an agreement report with numbers and a review queue with items', async () => {
    const report = await agreementReport(t.db, { project: DEMO_AUDIT_PROJECT, bootstrap: false }, new Date('2031-01-01T00:00:00Z'));
    expect(report.verdict.items).toBe(73);
    expect(report.verdict.fleissKappa.value).toBeGreaterThan(0.5);
    expect(report.verdict.krippendorffAlpha.value).toBeGreaterThan(0.5);
    expect(report.verdict.cohenKappa.length).toBeGreaterThanOrEqual(3);
    expect(report.ormVsHuman.items).toBeGreaterThan(40); // solutions with 3 labels and a majority
    const lead = { userId: 0, name: 'lead', role: 'lead' } as unknown as Principal;
    const counts = await reviewCounts(t.db, lead, DEMO_AUDIT_PROJECT, { status: 'open' });
    expect(counts.open).toBeGreaterThan(5);
    expect(counts.byReason.split_verdict).toBeGreaterThan(0);
    expect(counts.byReason.against_orm_verdict).toBeGreaterThan(0);
    const demo = await agreementReport(t.db, { project: DEMO_PROJECT, bootstrap: false }, new Date('2031-01-01T00:00:00Z'));
    expect(demo.verdict.items).toBe(0); // the demo itself keeps its single-annotator labels
  });
});
