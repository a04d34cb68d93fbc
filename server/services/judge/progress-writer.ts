import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/connection';
import type { RunProgress, RunResult } from './orm-runs';

const PROGRESS_EVERY_MS = 500;
const HEARTBEAT_MS = 5_000;

/**
 * Writes a run's progress row: at most every PROGRESS_EVERY_MS while counts change, at least
 * every HEARTBEAT_MS; each write also reads whether someone asked the run to stop.
 */
export class ProgressWriter {
  private lastWrite = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly heartbeat: NodeJS.Timeout;
  private chain: Promise<void> = Promise.resolve();
  private finished = false;

  constructor(
    private readonly db: Database,
    private readonly id: number,
    private readonly progress: RunProgress,
    private readonly now: () => Date,
    private readonly onStopRequested: () => void,
  ) {
    this.heartbeat = setInterval(() => this.write(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  changed(): void {
    if (this.finished || this.timer) return;
    const wait = Math.max(0, this.lastWrite + PROGRESS_EVERY_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.write();
    }, wait);
  }

  private write(): void {
    if (this.finished) return;
    this.lastWrite = Date.now();
    const { jobs } = this.db.t;
    const snapshot = structuredClone(this.progress) as unknown as Record<string, unknown>;
    this.chain = this.chain.then(async () => {
      const [row] = await this.db.transaction((tx) =>
        tx.update(jobs).set({ progress: snapshot, updatedAt: this.now() }).where(and(eq(jobs.id, this.id), eq(jobs.status, 'running'))).returning({ result: jobs.result }),
      );
      if ((row?.result as RunResult | null)?.cancelRequested) this.onStopRequested();
    }).catch(() => undefined);
  }

  async finish(status: 'done' | 'failed', outcome: RunResult['outcome'], error?: string): Promise<void> {
    this.finished = true;
    clearInterval(this.heartbeat);
    if (this.timer) clearTimeout(this.timer);
    await this.chain;
    const { jobs } = this.db.t;
    const { counts, unparseableReplies, failures } = this.progress;
    const result: RunResult = { outcome, ...(error === undefined ? {} : { error }), counts, unparseableReplies, failures };
    await this.db.transaction((tx) =>
      tx.update(jobs).set({ status, progress: this.progress as unknown as Record<string, unknown>, result: result as Record<string, unknown>, updatedAt: this.now() }).where(eq(jobs.id, this.id)),
    );
  }
}
