/**
 * The agreement benchmark's timed child: the full report (`agreementReport`, as `redline
 * agreement` runs it) over the prepared database, with or without the bootstrap, and a plain
 * baseline in the same shape of child: one SELECT of the same annotation rows and columns,
 * iterated as raw arrays and dropped (what reading the data costs with nothing else done).
 */
import { openDatabase } from '../../server/db/connection';
import { agreementReport } from '../../server/services/agreement/agreement-report';
import { runAsChild } from './measure';

export interface AgreementChildArgs {
  database: string;
  project: string;
  mode: 'baseline' | 'report' | 'report+bootstrap';
}

export interface AgreementChildResult {
  /** Submitted annotations read. */
  rows: number;
  /** A few figures of the report, to check the run computed something real. */
  alpha: number | null;
  alphaCi: [number, number] | null;
  cohenPairs: number;
  /** CPU time (user + system) of the timed section, in seconds: less sensitive than wall time to a busy machine. */
  cpuSeconds: number;
}

const BASELINE_QUERY = `SELECT a.solution_id, a.annotator_id, a.verdict, a.first_error_step, a.error_type, a.time_spent_ms,
       COALESCE(a.submitted_at, a.updated_at), a.bad_problem, a.step_ratings
  FROM annotations a JOIN solutions s ON s.id = a.solution_id
 WHERE a.status = 'submitted' AND s.project_id = (SELECT id FROM projects WHERE name = ?)`;

function cpuSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}

runAsChild<AgreementChildArgs, AgreementChildResult>(async (args, clock) => {
  const db = openDatabase(`sqlite:${args.database}`);
  try {
    if (args.mode === 'baseline') {
      if (db.driver.kind !== 'sqlite') throw new Error('SQLite only');
      clock.start();
      const cpu = process.cpuUsage();
      let rows = 0;
      for (const row of db.driver.sqlite.prepare(BASELINE_QUERY).raw(true).iterate(args.project) as Iterable<unknown[]>) {
        if (row.length > 0) rows += 1;
      }
      clock.stop();
      return { rows, alpha: null, alphaCi: null, cohenPairs: 0, cpuSeconds: cpuSince(cpu) };
    }
    clock.start();
    const cpu = process.cpuUsage();
    const report = await agreementReport(db, { project: args.project, bootstrap: args.mode === 'report+bootstrap' }, new Date());
    clock.stop();
    const cpuSeconds = cpuSince(cpu);
    return {
      cpuSeconds,
      rows: report.annotators.reduce((sum, a) => sum + a.items, 0),
      alpha: report.verdict.krippendorffAlpha.value,
      alphaCi: report.verdict.krippendorffAlpha.ci95,
      cohenPairs: report.verdict.cohenKappa.length,
    };
  } finally {
    await db.close();
  }
});
