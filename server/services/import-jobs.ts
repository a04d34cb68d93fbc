import { and, count, desc, eq, lt, notInArray } from 'drizzle-orm';
import type { Database, Orm } from '../db/connection';
import { AppError } from '../errors';
import { IMPORT_FORMATS as FILE_FORMATS, type FormatChoice } from '../domain/import/formats/detect';
import { importFiles, type ImportProgress, type ImportSummary } from './import/import-files';
import { removeFolder, type ReceivedUpload } from './import-jobs-upload';
import type { ProjectRow } from './projects';

export const IMPORT_FORMATS: readonly FormatChoice[] = ['auto', ...FILE_FORMATS];
export type ImportFormat = FormatChoice;

export const IMPORT_JOB_KIND = 'import';
/** Progress rows are written at most this often (ms); the last state is always written. */
const PROGRESS_EVERY_MS = 250;
/** While an import runs its row's updated_at is rewritten at least this often (ms), even between batches. */
export const HEARTBEAT_MS = 30_000;
/** A running import whose row has not been updated for this long (ms) was left by a server that stopped. */
export const STALE_AFTER_MS = 10 * 60_000;
export const STOPPED_MESSAGE = 'the server stopped during this import; re-run it (a re-import skips what is stored)';
const RECENT_JOBS = 20;

export interface ImportRequest {
  format: ImportFormat;
  round: number | null;
  strict: boolean;
}

/** The jobs row's `progress` (SPEC §8: readable while the import runs). */
export interface ImportJobProgress extends ImportProgress, ImportRequest {
  /** The data files' names as uploaded, in import order. */
  files: string[];
  /** 0-based index of `file` in `files`. */
  fileIndex: number;
}

export type ImportJobResult = { summaries: ImportSummary[] } | { error: { code: string; message: string } };

export interface ImportJobView {
  id: number;
  status: 'running' | 'done' | 'failed';
  progress: ImportJobProgress;
  result: ImportJobResult | null;
  user: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Where failures the uploader cannot act on are written (the server's logger). */
export interface JobLog {
  error(details: object, message: string): void;
}

/** Imports that are running in this process; app close waits for them. */
const running = new Set<Promise<void>>();
/** Their job ids: never taken for stale, whatever their updated_at says. */
const runningIds = new Set<number>();

/**
 * Marks failed the import jobs still `running` whose row has not been updated for STALE_AFTER_MS
 * (their server stopped: a live import rewrites its row every HEARTBEAT_MS), so they neither show
 * as running forever nor hold one of their user's import slots. Returns how many it marked.
 */
export async function failStaleImportJobs(db: Database, now: Date): Promise<number> {
  const { jobs } = db.t;
  const cutoff = new Date(now.getTime() - STALE_AFTER_MS);
  const mine = [...runningIds];
  const rows = await db.transaction((tx) => tx.update(jobs)
    .set({ status: 'failed', result: { error: { code: 'INTERRUPTED', message: STOPPED_MESSAGE } }, updatedAt: now })
    .where(and(
      eq(jobs.kind, IMPORT_JOB_KIND), eq(jobs.status, 'running'), lt(jobs.updatedAt, cutoff),
      ...(mine.length > 0 ? [notInArray(jobs.id, mine)] : []),
    ))
    .returning({ id: jobs.id }));
  return rows.length;
}

/**
 * Refuses (RATE_LIMITED, 429) a user who already has `limit` import jobs running
 * (REDLINE_MAX_CONCURRENT_IMPORTS).
 * Counted in the jobs table, so every server instance agrees; stale jobs are failed first.
 * Called before an upload is received, and again (in the inserting transaction) before the job
 * row is written.
 */
export async function checkImportSlot(db: Database, userId: number, now: Date, limit: number): Promise<void> {
  await failStaleImportJobs(db, now);
  await ensureSlot(db, db.orm, userId, limit);
}

async function ensureSlot(db: Database, tx: Orm, userId: number, limit: number): Promise<void> {
  const { jobs } = db.t;
  const [row] = await tx.select({ n: count() }).from(jobs)
    .where(and(eq(jobs.kind, IMPORT_JOB_KIND), eq(jobs.status, 'running'), eq(jobs.userId, userId)));
  const active = Number(row?.n ?? 0);
  if (active >= limit) {
    throw new AppError(
      'RATE_LIMITED',
      `you already have ${active} import${active === 1 ? '' : 's'} running (limit ${limit} at once, REDLINE_MAX_CONCURRENT_IMPORTS); wait for one to finish`,
      { limit, running: active },
    );
  }
}

interface ImportJobOptions {
  project: ProjectRow;
  actorId: number;
  upload: ReceivedUpload;
  request: ImportRequest;
  now: () => Date;
  log: JobLog;
  /** Import jobs one user may have running at once (REDLINE_MAX_CONCURRENT_IMPORTS). */
  limit: number;
}

/**
 * Records an import job for an upload already on disk and runs it in the background of this
 * process; answers at once with the job. The upload folder is removed when the job ends, also
 * when it fails. Progress and the summaries live in the jobs row, so any instance can report them.
 */
export async function startImportJob(
  db: Database,
  opts: ImportJobOptions,
): Promise<ImportJobView> {
  const { upload } = opts;
  const progress: ImportJobProgress = {
    ...opts.request, files: upload.dataFiles, fileIndex: 0, file: upload.dataFiles[0] ?? '', lines: 0, bad: 0, bytesRead: 0, totalBytes: 0,
  };
  let id: number;
  try {
    id = await db.transaction(async (tx) => {
      await ensureSlot(db, tx, opts.actorId, opts.limit);
      const [row] = await tx.insert(db.t.jobs).values({
        kind: IMPORT_JOB_KIND, projectId: opts.project.id, userId: opts.actorId, status: 'running',
        progress: { ...progress }, createdAt: opts.now(), updatedAt: opts.now(),
      }).returning({ id: db.t.jobs.id });
      if (!row) throw new Error('inserting a job returned no row');
      return row.id;
    });
  } catch (error) {
    await removeFolder(upload.folder);
    throw error;
  }
  runningIds.add(id);
  const run = runImport(db, id, opts, progress).finally(() => {
    running.delete(run);
    runningIds.delete(id);
  });
  running.add(run);
  return getImportJob(db, opts.project, id);
}

/** Resolves when every import running in this process has ended (for a graceful close). */
export async function importsSettled(): Promise<void> {
  await Promise.allSettled([...running]);
}

async function runImport(
  db: Database,
  id: number,
  opts: ImportJobOptions,
  start: ImportJobProgress,
): Promise<void> {
  const { upload, request } = opts;
  const absolute = upload.dataFiles.map((name) => `${upload.folder}/${name}`);
  const writer = new ProgressWriter(db, id, opts.now, opts.log, start);
  let finish: { status: 'done' | 'failed'; result: ImportJobResult };
  try {
    const summaries = await importFiles(db, {
      files: absolute, format: request.format, project: opts.project, strict: request.strict, round: request.round ?? undefined, actorId: opts.actorId,
      onProgress: (p) => {
        const fileIndex = Math.max(0, absolute.indexOf(p.file));
        writer.push({ ...start, ...p, file: upload.dataFiles[fileIndex] ?? p.file, fileIndex });
      },
    });
    finish = { status: 'done', result: { summaries: hideFolder(summaries, upload.folder) } };
  } catch (error) {
    const known = error instanceof AppError;
    finish = {
      status: 'failed',
      result: { error: { code: known ? error.code : 'INTERNAL', message: known ? hideFolder(error.message, upload.folder) : 'the import failed on the server; it has been logged' } },
    };
    if (!known) opts.log.error({ err: error, job: id }, 'import job failed');
  }
  try {
    await writer.settle();
    await db.transaction((tx) => tx.update(db.t.jobs)
      .set({ status: finish.status, progress: { ...(writer.latest ?? start) }, result: finish.result, updatedAt: opts.now() })
      .where(eq(db.t.jobs.id, id)));
  } finally {
    await removeFolder(upload.folder);
  }
}

/**
 * Writes the newest progress to the job row, at most every PROGRESS_EVERY_MS, one write at a time;
 * and, as a heartbeat, at least every HEARTBEAT_MS even when no batch has ended since (a slow
 * batch, a long validation), so a live job is never taken for one whose server stopped.
 */
export class ProgressWriter {
  latest: ImportJobProgress | null = null;
  private written: ImportJobProgress | null = null;
  private inFlight: Promise<void> | null = null;
  private lastAt = Date.now();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly db: Database, private readonly id: number, private readonly now: () => Date, private readonly log: JobLog,
    private readonly start: ImportJobProgress,
  ) {
    this.heartbeat = setInterval(() => {
      if (!this.inFlight && Date.now() - this.lastAt >= HEARTBEAT_MS / 2) this.write(true);
    }, HEARTBEAT_MS / 2);
    this.heartbeat.unref();
  }

  push(progress: ImportJobProgress): void {
    this.latest = progress;
    if (this.inFlight || Date.now() - this.lastAt < PROGRESS_EVERY_MS) return;
    this.write();
  }

  /** Stops the heartbeat and waits for the write in flight. */
  async settle(): Promise<void> {
    clearInterval(this.heartbeat);
    await this.settleWrites();
  }

  /** Waits for the write in flight, if any (the heartbeat goes on). */
  async settleWrites(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  private write(beat = false): void {
    const progress = this.latest ?? (beat ? this.start : null);
    if (!progress || (progress === this.written && !beat)) return;
    this.lastAt = Date.now();
    this.inFlight = this.db.transaction((tx) => tx.update(this.db.t.jobs)
      .set({ progress: { ...progress }, updatedAt: this.now() })
      .where(eq(this.db.t.jobs.id, this.id)))
      .then(() => { this.written = progress; }, (error: unknown) => { this.log.error({ err: error, job: this.id }, 'import progress not saved'); })
      .finally(() => { this.inFlight = null; });
  }
}

/** The temporary folder's path means nothing to the uploader: names are shown relative to it. */
function hideFolder<T>(value: T, folder: string): T {
  return JSON.parse(JSON.stringify(value).replaceAll(JSON.stringify(`${folder}/`).slice(1, -1), '')) as T;
}

/** One import job of the project, or 404 (also for jobs of other projects or kinds). */
export async function getImportJob(db: Database, project: ProjectRow, id: number): Promise<ImportJobView> {
  const [row] = await selectJobs(db, project).where(and(eq(db.t.jobs.projectId, project.id), eq(db.t.jobs.kind, IMPORT_JOB_KIND), eq(db.t.jobs.id, id)));
  if (!row) throw new AppError('NOT_FOUND', `project ${project.name} has no import ${id}`);
  return toView(row);
}

/** The project's most recent import jobs, newest first. */
export async function listImportJobs(db: Database, project: ProjectRow): Promise<ImportJobView[]> {
  const rows = await selectJobs(db, project)
    .where(and(eq(db.t.jobs.projectId, project.id), eq(db.t.jobs.kind, IMPORT_JOB_KIND)))
    .orderBy(desc(db.t.jobs.id))
    .limit(RECENT_JOBS);
  return rows.map(toView);
}

function selectJobs(db: Database, _project: ProjectRow) {
  const { jobs, users } = db.t;
  return db.orm
    .select({
      id: jobs.id, status: jobs.status, progress: jobs.progress, result: jobs.result,
      user: users.name, createdAt: jobs.createdAt, updatedAt: jobs.updatedAt,
    })
    .from(jobs)
    .leftJoin(users, eq(users.id, jobs.userId))
    .$dynamic();
}

function toView(row: { id: number; status: ImportJobView['status']; progress: Record<string, unknown>; result: Record<string, unknown> | null; user: string | null; createdAt: Date; updatedAt: Date }): ImportJobView {
  return {
    id: row.id, status: row.status, progress: row.progress as unknown as ImportJobProgress,
    result: row.result as ImportJobResult | null, user: row.user, createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

/** Multipart text fields → the import's options; bad values name the field. */
export function readImportFields(fields: Record<string, string>): ImportRequest {
  const format = fields.format?.trim() || 'auto';
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) {
    throw new AppError('VALIDATION_FAILED', `format: must be one of ${IMPORT_FORMATS.join(', ')}; got "${format}"`);
  }
  const roundText = fields.round?.trim() ?? '';
  if (roundText !== '' && !/^\d{1,9}$/.test(roundText)) throw new AppError('VALIDATION_FAILED', `round: must be a whole number ≥ 0; got "${roundText}"`);
  const strictText = (fields.strict ?? '').trim().toLowerCase();
  if (!['', 'true', 'false', 'on', '1', '0'].includes(strictText)) throw new AppError('VALIDATION_FAILED', `strict: must be true or false; got "${strictText}"`);
  return { format: format as ImportFormat, round: roundText === '' ? null : Number(roundText), strict: ['true', 'on', '1'].includes(strictText) };
}

/** Counts over every file of a finished job, for lists (the summaries hold the per-file detail). */
export function importTotals(result: ImportJobResult | null) {
  if (!result) return null;
  if ('error' in result) return { error: result.error };
  const imported = { problems: 0, solutions: 0, ormJudgments: 0, annotations: 0, images: 0 };
  let lines = 0;
  let unchanged = 0;
  let bad = 0;
  for (const s of result.summaries) {
    for (const key of Object.keys(imported) as Array<keyof typeof imported>) imported[key] += s.imported[key] ?? 0;
    lines += s.lines;
    unchanged += s.unchanged;
    bad += s.badCount;
  }
  return { lines, imported, unchanged, bad, committed: result.summaries.every((s) => s.committed) };
}
