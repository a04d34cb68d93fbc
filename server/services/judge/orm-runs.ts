import { and, desc, eq } from 'drizzle-orm';
import type { OrmRunDetailDto, OrmRunDto, OrmRunStart, UnparseableReply } from '../../../shared/schemas/judge';
import type { Database } from '../../db/connection';
import { AppError } from '../../errors';
import type { ProjectRow } from '../projects';
import type { Principal } from '../sessions';
import { resolveJudgeSettings, type JudgeSettings } from './judge-settings';
import { ProgressWriter } from './progress-writer';
import { runJudge, type JudgeCounts, type JudgeSummary } from './run-judge';

/**
 * ORM runs started over HTTP (issue 7): each is a `jobs` row of kind `orm-run` that any instance
 * can read, run by the server process that accepted it. Its progress row is written often
 * (progress-writer.ts), so a run whose server died shows as stale after STALE_AFTER_MS.
 * Stop works from any instance: it marks the row, and the runner sees the mark on its next write
 * (at once when the request reached the running process).
 */
export const ORM_RUN_KIND = 'orm-run';
const STALE_AFTER_MS = 60_000;
/** Kept in the job row; the counts stay exact. */
const LISTED_IN_JOB = 200;

interface RunParams {
  endpoint: string;
  model: string;
  concurrency: number;
  round: number | null;
  customPrompt: boolean;
}

export interface RunProgress {
  params: RunParams;
  counts: JudgeCounts;
  unparseableReplies: UnparseableReply[];
  failures: Array<{ solution: string; reason: string }>;
}

/** Null while running (but for a stop request); at the end, how it ended and what it reports. */
export interface RunResult {
  cancelRequested?: boolean;
  outcome?: 'done' | 'cancelled' | 'failed';
  error?: string;
  counts?: JudgeCounts;
  unparseableReplies?: UnparseableReply[];
  failures?: Array<{ solution: string; reason: string }>;
}

interface Running {
  stop: AbortController;
  abort: AbortController;
  finished: Promise<void>;
}

export interface OrmRunnerOptions {
  /** REDLINE_ORM_API_KEY: sent as Bearer; never stored or returned. */
  apiKey?: string | undefined;
  now?: () => Date;
  /** Tests shorten the backoff. */
  retryBaseDelayMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export class OrmRunner {
  private readonly running = new Map<number, Running>();
  private readonly now: () => Date;

  constructor(private readonly db: Database, private readonly options: OrmRunnerOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  get apiKeyConfigured(): boolean {
    return Boolean(this.options.apiKey);
  }

  async start(principal: Principal, project: ProjectRow, request: OrmRunStart): Promise<OrmRunDetailDto> {
    const settings = resolveJudgeSettings({
      endpoint: request.endpoint,
      model: request.model,
      concurrency: request.concurrency,
      round: request.round ?? null,
      promptTemplate: request.promptTemplate ?? null,
      maxRetries: request.maxRetries,
      timeoutSeconds: request.timeoutSeconds,
      limit: request.limit ?? null,
      apiKey: this.options.apiKey,
      retryBaseDelayMs: this.options.retryBaseDelayMs,
    });
    const { jobs } = this.db.t;
    const params: RunParams = { endpoint: settings.endpoint, model: settings.model, concurrency: settings.concurrency, round: settings.round, customPrompt: settings.customPrompt };
    const progress: RunProgress = { params, counts: { total: 0, sent: 0, done: 0, stored: 0, unparseable: 0, failed: 0, skippedAlreadyJudged: 0 }, unparseableReplies: [], failures: [] };
    const id = await this.db.transaction(async (tx) => {
      const active = await tx.select({ id: jobs.id, progress: jobs.progress, updatedAt: jobs.updatedAt }).from(jobs)
        .where(and(eq(jobs.projectId, project.id), eq(jobs.kind, ORM_RUN_KIND), eq(jobs.status, 'running')));
      const clash = active.find((job) => (job.progress as unknown as RunProgress).params.model === settings.model && !this.isStale(job.updatedAt));
      if (clash) throw new AppError('JOB_RUNNING', `ORM run ${clash.id} for model "${settings.model}" is still running in this project; stop it or wait for it`);
      const now = this.now();
      const [row] = await tx.insert(jobs).values({
        kind: ORM_RUN_KIND, projectId: project.id, userId: principal.userId, status: 'running',
        progress: progress as unknown as Record<string, unknown>, result: null, createdAt: now, updatedAt: now,
      }).returning({ id: jobs.id });
      return row!.id;
    });
    this.launch(id, project.id, settings, progress);
    return this.get(project, id);
  }

  private launch(id: number, projectId: number, settings: JudgeSettings, progress: RunProgress): void {
    const stop = new AbortController();
    const abort = new AbortController();
    const writer = new ProgressWriter(this.db, id, progress, this.now, () => stop.abort());
    const finished = runJudge(this.db, projectId, settings, {
      stop: stop.signal,
      abort: abort.signal,
      onProgress: (counts, summary) => {
        progress.counts = counts;
        syncLists(progress, summary);
        writer.changed();
      },
    }).then(
      (summary) => writer.finish('done', summary.stopped ? 'cancelled' : 'done'),
      (error: unknown) => {
        this.options.log?.(`ORM run ${id} failed`, error);
        return writer.finish('failed', 'failed', error instanceof Error ? error.message : String(error));
      },
    ).catch((error: unknown) => this.options.log?.(`ORM run ${id}: could not record its end`, error))
      .finally(() => this.running.delete(id));
    this.running.set(id, { stop, abort, finished });
  }

  async list(project: ProjectRow): Promise<OrmRunDto[]> {
    const rows = await this.select(eq(this.db.t.jobs.projectId, project.id), 50);
    return rows.map((row) => this.toDto(row));
  }

  async get(project: ProjectRow, id: number): Promise<OrmRunDetailDto> {
    const [row] = await this.select(and(eq(this.db.t.jobs.projectId, project.id), eq(this.db.t.jobs.id, id)), 1);
    if (!row) throw new AppError('NOT_FOUND', `no ORM run ${id} in project "${project.name}"`);
    const progress = row.progress as unknown as RunProgress;
    const result = (row.result ?? {}) as RunResult;
    return {
      ...this.toDto(row),
      unparseableReplies: result.unparseableReplies ?? progress.unparseableReplies ?? [],
      failures: result.failures ?? progress.failures ?? [],
    };
  }

  /** Stops sending; requests in flight finish and are stored. Stopping a finished run changes nothing. */
  async cancel(project: ProjectRow, id: number): Promise<OrmRunDetailDto> {
    const current = await this.get(project, id);
    if (current.state === 'running') {
      const { jobs } = this.db.t;
      await this.db.transaction(async (tx) => {
        const [row] = await tx.select({ result: jobs.result }).from(jobs).where(eq(jobs.id, id));
        await tx.update(jobs).set({ result: { ...(row?.result ?? {}), cancelRequested: true } })
          .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
      });
      this.running.get(id)?.stop.abort();
    }
    return this.get(project, id);
  }

  /** On server close: stop every run here, cut requests in flight, wait for the final writes. */
  async close(): Promise<void> {
    const runs = [...this.running.values()];
    for (const run of runs) {
      run.stop.abort();
      run.abort.abort();
    }
    await Promise.all(runs.map((run) => run.finished));
  }

  /** Resolves when the run has finished in this process (tests; no-op for others' runs). */
  async settled(id: number): Promise<void> {
    await this.running.get(id)?.finished;
  }

  private select(where: ReturnType<typeof and>, limit: number) {
    const { jobs, users } = this.db.t;
    return this.db.orm
      .select({ id: jobs.id, status: jobs.status, progress: jobs.progress, result: jobs.result, createdAt: jobs.createdAt, updatedAt: jobs.updatedAt, startedBy: users.name })
      .from(jobs)
      .leftJoin(users, eq(users.id, jobs.userId))
      .where(and(eq(jobs.kind, ORM_RUN_KIND), where))
      .orderBy(desc(jobs.id))
      .limit(limit);
  }

  private isStale(updatedAt: Date): boolean {
    return this.now().getTime() - updatedAt.getTime() > STALE_AFTER_MS;
  }

  private toDto(row: Awaited<ReturnType<OrmRunner['select']>>[number]): OrmRunDto {
    const progress = row.progress as unknown as RunProgress;
    const result = (row.result ?? {}) as RunResult;
    let state: OrmRunDto['state'];
    if (row.status === 'running') state = this.running.has(row.id) || !this.isStale(row.updatedAt) ? (result.cancelRequested ? 'stopping' : 'running') : 'stale';
    else if (row.status === 'failed') state = 'failed';
    else state = result.outcome === 'cancelled' ? 'cancelled' : 'done';
    return {
      id: row.id,
      state,
      ...progress.params,
      startedBy: row.startedBy,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      counts: progress.counts,
      error: result.error ?? null,
    };
  }
}

function syncLists(progress: RunProgress, summary: JudgeSummary): void {
  if (progress.unparseableReplies.length < Math.min(LISTED_IN_JOB, summary.unparseableReplies.length)) {
    progress.unparseableReplies = summary.unparseableReplies.slice(0, LISTED_IN_JOB);
  }
  if (progress.failures.length < Math.min(LISTED_IN_JOB, summary.failures.length)) {
    progress.failures = summary.failures.slice(0, LISTED_IN_JOB);
  }
}
