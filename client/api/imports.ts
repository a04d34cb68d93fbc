import { z } from 'zod';
import { CSRF_HEADER } from '../../shared/constants';
import { appStore } from '../store/app-store';
import { ApiError } from './api-error';
import { call, segment } from './http';

/** Import in the browser (SPEC §8, researcher+): upload, job progress, rejected records. */

export const IMPORT_FORMATS = ['auto', 'redline', 'processbench', 'prm800k', 'mathse-orm'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const CountsSchema = z.object({ problems: z.number(), solutions: z.number(), ormJudgments: z.number(), annotations: z.number(), images: z.number() });
export type ImportCounts = z.infer<typeof CountsSchema>;

const ProgressSchema = z.object({
  file: z.string(),
  files: z.array(z.string()),
  fileIndex: z.number(),
  lines: z.number(),
  bad: z.number(),
  /** Bytes of the current file read so far; with strict each file is read twice (totalBytes doubles). */
  bytesRead: z.number(),
  totalBytes: z.number(),
  format: z.string(),
  strict: z.boolean(),
  round: z.number().nullable(),
});
export type ImportProgress = z.infer<typeof ProgressSchema>;

const TotalsSchema = z.union([
  z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
  z.object({ lines: z.number(), imported: CountsSchema, unchanged: z.number(), bad: z.number(), committed: z.boolean() }),
]).nullable();
export type ImportTotals = z.infer<typeof TotalsSchema>;

const SummarySchema = z.object({
  file: z.string(),
  /** What `bad[].line` counts: JSONL lines, or records of a JSON list. */
  numbering: z.enum(['line', 'record']),
  lines: z.number(),
  imported: CountsSchema,
  unchanged: z.number(),
  /** The first rejected records (1-based line or record number); badCount is the true count. */
  bad: z.array(z.object({ line: z.number(), reason: z.string() })),
  badCount: z.number(),
  committed: z.boolean(),
});
export type ImportSummary = z.infer<typeof SummarySchema>;

const JobSchema = z.object({
  id: z.number(),
  status: z.enum(['running', 'done', 'failed']),
  progress: ProgressSchema,
  user: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  totals: TotalsSchema,
});
export type ImportJob = z.infer<typeof JobSchema>;

const JobDetailSchema = JobSchema.extend({
  result: z.union([z.object({ summaries: z.array(SummarySchema) }), z.object({ error: z.object({ code: z.string(), message: z.string() }) })]).nullable(),
});
export type ImportJobDetail = z.infer<typeof JobDetailSchema>;

const StartedSchema = z.object({ job: z.object({ id: z.number(), status: z.string(), progress: ProgressSchema }) });

const base = (project: string) => `/api/projects/${segment(project)}/imports`;

export function listImports(project: string): Promise<ImportJob[]> {
  return call('GET', base(project), z.object({ jobs: z.array(JobSchema) })).then((r) => r.jobs);
}

export function getImport(project: string, id: number): Promise<ImportJobDetail> {
  return call('GET', `${base(project)}/${id}`, z.object({ job: JobDetailSchema })).then((r) => r.job);
}

/** Where the rejected records of an import download from (an attachment). */
export function rejectedReportUrl(project: string, id: number, format: 'csv' | 'jsonl' = 'csv'): string {
  return `${base(project)}/${id}/rejected?format=${format}`;
}

export interface UploadFile {
  /** The name the server stores it under: a path relative to the data file's folder ("img/p-1.png"). */
  name: string;
  file: Blob;
}

export interface UploadOptions {
  format: ImportFormat;
  round: string;
  strict: boolean;
}

/**
 * POST the files as multipart/form-data. XMLHttpRequest, not fetch: only it reports upload
 * progress (`onProgress(sentBytes, totalBytes)`). Sends the session's CSRF header like client/api/http.ts.
 * Resolves with the started job's id; `signal` aborts the upload.
 */
export function uploadImport(
  project: string,
  files: UploadFile[],
  options: UploadOptions,
  onProgress: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<number> {
  const form = new FormData();
  form.append('format', options.format);
  if (options.round.trim() !== '') form.append('round', options.round.trim());
  form.append('strict', String(options.strict));
  for (const f of files) form.append('files', f.file, f.name);

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', base(project));
    xhr.setRequestHeader('accept', 'application/json');
    const token = appStore.getState().session.me?.csrfToken;
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.addEventListener('progress', (e) => onProgress(e.loaded, e.lengthComputable ? e.total : 0));
    xhr.addEventListener('load', () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status === 401) appStore.getState().signedOut();
      if (xhr.status !== 202) return reject(ApiError.fromBody(xhr.status, body));
      const parsed = StartedSchema.safeParse(body);
      if (!parsed.success) return reject(new ApiError(xhr.status, 'BAD_RESPONSE', 'The server sent an answer this page does not understand.'));
      resolve(parsed.data.job.id);
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'NETWORK_ERROR', 'The upload did not reach the server (connection lost, or the server refused a large upload). Try again.')));
    xhr.addEventListener('abort', () => reject(new ApiError(0, 'ABORTED', 'The upload was cancelled.')));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}
