import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Database } from '../../db/connection';
import { detectFormat, type FormatChoice, type ImportFormat } from '../../domain/import/formats/detect';
import { KnownState } from '../../domain/import/plan-line';
import { AppError } from '../../errors';
import { recordAudit } from '../audit';
import { getProject, type ProjectRow } from '../projects';
import { addCounts, runPass, type PassContext, type PassTally } from './import-pass';
import { runOrmPass } from './orm-pass';
import type { BadLine } from './prepare-batch';
import { ImageLoader } from './read-images';
import { readFileStart, readRecordBatches, type RecordLayout } from './record-source';
import { toNativeLine } from './record-source-convert';
import type { WriteCounts } from './write-batch';

export interface ImportProgress {
  file: string;
  lines: number;
  bytesRead: number;
  /** With `strict` each file is read twice, so this is twice its size. */
  totalBytes: number;
  bad: number;
}

export interface ImportOptions {
  /** The project row, or its name (then it must exist: the CLI calls ensureProject first). */
  project: ProjectRow | string;
  strict: boolean;
  /** Overrides every line's solution round. */
  round?: number;
  actorId: number | null;
  /** Called after every batch. */
  onProgress?: (progress: ImportProgress) => void;
  /** Lines per transaction. */
  batchSize?: number;
}

export interface ImportSummary {
  file: string;
  project: string;
  /** The file's format, as named or as detected from its content. */
  format: ImportFormat;
  /** What `lines` and `bad[].line` count: JSONL lines (1-based, blank ones included) or JSON-list records (1-based). */
  numbering: 'line' | 'record';
  /** Non-blank lines (or list records) read. */
  lines: number;
  imported: WriteCounts;
  /** Good lines whose every part was stored already (a re-import). */
  unchanged: number;
  /** The first MAX_REPORTED_BAD bad lines, in file order; `badCount` is the true count. */
  bad: BadLine[];
  badCount: number;
  strict: boolean;
  /** This file's writes were committed (false: a strict import found bad lines, nothing stored). */
  committed: boolean;
}

export const MAX_REPORTED_BAD = 1000;
/**
 * Lines per transaction. A batch's parsed lines live until its transaction ends; at 250 they
 * die young (a 500-line batch allocates about as much as V8's young generation holds, so its
 * lines were promoted to the old generation, which grew with the file). Throughput is the same.
 */
const DEFAULT_BATCH = 250;

export interface ImportFilesOptions extends ImportOptions {
  files: string[];
  /** `auto` (default) tells each file's format from its start (domain/import/formats/detect.ts). */
  format?: FormatChoice;
}

/**
 * Imports files of any supported format (SPEC §3) into a project, one after another, streaming
 * each in batches. Formats: `redline` native JSONL; `processbench` and `prm800k` records are
 * adapted into native lines (domain/import/formats) and stored by the same pipeline
 * (import-pass.ts); `mathse-orm` adds judgments to stored solutions (orm-pass.ts). A file whose
 * first non-blank character is `[` is read as a streamed JSON list whatever its format, and its
 * bad records are numbered by position ("record 17"); otherwise as JSONL ("line 17").
 * Every file's format is settled before anything is written; an undetectable one fails the call.
 * A bad record writes nothing and is reported; good ones are stored. One audit entry `import`
 * per file that committed.
 *
 * `strict` (nothing stored if any record of any file is bad) runs two passes, validate then
 * write, rather than one long transaction rolled back at the end. Such a transaction would hold
 * SQLite's single shared connection while files and images are read — the Database contract
 * forbids I/O inside a transaction: every other request of a running server would wait for the
 * whole import, and reads outside it would see rows that may vanish. The price: validation
 * remembers a short digest per id the files introduce (~130 bytes each, measured), so a strict
 * import's memory grows with its distinct ids while a normal import's stays flat; and pass 2
 * can still meet a bad line if another writer changed the same ids in between — it then stops
 * before that batch (earlier batches stay stored, and the summary says so).
 */
export async function importFiles(db: Database, options: ImportFilesOptions): Promise<ImportSummary[]> {
  const project = typeof options.project === 'string' ? await getProject(db, options.project) : options.project;
  const files = options.files.map((file) => ({ shown: file, path: resolve(file) }));
  const sizes = await Promise.all(files.map((f) => statFile(f.shown, f.path)));
  const kinds = await Promise.all(files.map((f) => settleFormat(f.shown, f.path, options.format ?? 'auto')));
  const summaries = files.map((f, i): ImportSummary => ({
    file: f.shown, project: project.name, format: kinds[i]?.format ?? 'redline',
    numbering: kinds[i]?.layout === 'json-list' ? 'record' : 'line', lines: 0,
    imported: { problems: 0, solutions: 0, ormJudgments: 0, annotations: 0, images: 0 },
    unchanged: 0, bad: [], badCount: 0, strict: options.strict, committed: false,
  }));
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const loaders = files.map((f) => new ImageLoader(dirname(f.path)));
  const context = (i: number, byteOffset: number): PassContext => ({
    db, projectId: project.id, actorId: options.actorId, strict: options.strict,
    batchSize, maxReportedBad: MAX_REPORTED_BAD,
    parse: { round: options.round, taxonomy: project.taxonomy },
    loader: loaders[i] as ImageLoader,
    onBatch: (tally, bytesRead) => options.onProgress?.({
      file: files[i]?.shown ?? '', lines: tally.lines, bad: tally.badCount,
      bytesRead: byteOffset + bytesRead, totalBytes: (sizes[i]?.size ?? 0) * (options.strict ? 2 : 1),
    }),
  });
  const pass = (i: number, byteOffset: number, mode: 'validate' | 'write', known: KnownState): Promise<PassTally> => {
    const { format, layout } = kinds[i] as SettledFormat;
    const path = files[i]?.path ?? '';
    const batches = () => readRecordBatches(path, layout, batchSize);
    if (format === 'mathse-orm') return runOrmPass(context(i, byteOffset), { batches }, mode, known);
    return runPass(context(i, byteOffset), { batches, convert: (record) => toNativeLine(format, record) }, mode, known);
  };

  if (options.strict) {
    const known = new KnownState();
    for (const i of files.keys()) fold(summaries[i], await pass(i, 0, 'validate', known));
    if (summaries.some((s) => s.badCount > 0)) return summaries;
    for (const [i, f] of files.entries()) {
      const now = await statFile(f.shown, f.path);
      if (now.size !== sizes[i]?.size || now.mtimeMs !== sizes[i]?.mtimeMs) {
        throw new AppError('BAD_REQUEST', `${f.shown} changed while it was being imported; nothing was stored`);
      }
    }
    for (const s of summaries) s.lines = 0;
  }
  for (const i of files.keys()) {
    const summary = summaries[i] as ImportSummary;
    const tally = await pass(i, options.strict ? (sizes[i]?.size ?? 0) : 0, 'write', new KnownState());
    fold(summary, tally);
    summary.committed = tally.wrote || !options.strict;
    if (summary.committed) {
      const { file, bad: _bad, ...details } = summary;
      await db.transaction((tx) => recordAudit(db, tx, {
        actorId: options.actorId, action: 'import', projectId: project.id, targetType: 'file', targetId: file, details,
      }));
    }
    if (options.strict && summary.badCount > 0) break;
  }
  return summaries;
}

export interface SettledFormat {
  format: ImportFormat;
  layout: RecordLayout;
}

/**
 * The file's layout from its first non-blank character; its format as named, or detected
 * (an undetectable file is a BAD_REQUEST naming it). The CLI calls it before opening the database.
 */
export async function settleFormat(shown: string, path: string, choice: FormatChoice): Promise<SettledFormat> {
  // The native format is JSONL by definition: a first line "[1, 2]" is one bad line, not a list.
  if (choice === 'redline') return { format: choice, layout: 'jsonl' };
  const start = await readFileStart(path);
  const layout: RecordLayout = start.jsonList ? 'json-list' : 'jsonl';
  if (choice !== 'auto') return { format: choice, layout };
  const detected = detectFormat(start);
  if (!detected.ok) throw new AppError('BAD_REQUEST', `${shown}: ${detected.reason}`);
  return { format: detected.format, layout };
}

function fold(summary: ImportSummary | undefined, tally: PassTally): void {
  if (!summary) return;
  summary.lines += tally.lines;
  addCounts(summary.imported, tally.imported);
  summary.unchanged += tally.unchanged;
  summary.badCount += tally.badCount;
  summary.bad.push(...tally.bad.slice(0, Math.max(0, MAX_REPORTED_BAD - summary.bad.length)));
}

async function statFile(shown: string, path: string): Promise<{ size: number; mtimeMs: number }> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', `${shown}: no such file`);
    throw new AppError('BAD_REQUEST', `${shown} cannot be read (${code})`);
  }
  if (!info.isFile()) throw new AppError('BAD_REQUEST', `${shown} is not a file`);
  return { size: info.size, mtimeMs: info.mtimeMs };
}
