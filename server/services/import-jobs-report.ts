import { AppError } from '../errors';
import { MAX_REPORTED_BAD } from './import/import-files';
import type { ImportJobView } from './import-jobs';

export type RejectedFormat = 'csv' | 'jsonl';

/** One rejected record: a JSONL file's 1-based `line`, or a JSON list's 1-based `record`. */
interface RejectedRow {
  file: string;
  line?: number;
  record?: number;
  reason: string;
}

/**
 * The rejected records of a finished import job, as a downloadable CSV or JSONL file
 * (`file, line, record, reason`: `line` for JSONL files, `record` for JSON lists). It is written from the summaries in the job row: the importer keeps
 * the first MAX_REPORTED_BAD bad lines of each file (every bad line is counted), so a file with
 * more gets a last row saying how many are not listed. A failed job gets one row with its error.
 */
export function rejectedReport(job: ImportJobView, format: RejectedFormat): string {
  if (job.status === 'running' || !job.result) {
    throw new AppError('IMPORT_RUNNING', `import ${job.id} is still running; its rejected records can be downloaded when it ends`);
  }
  const rows: RejectedRow[] = [];
  if ('error' in job.result) {
    rows.push({ file: job.progress.file, reason: `the import failed: ${job.result.error.message}` });
  } else {
    for (const summary of job.result.summaries) {
      const unit = summary.numbering === 'record' ? 'record' : 'line';
      for (const bad of summary.bad) rows.push({ file: summary.file, [unit]: bad.line, reason: bad.reason });
      const unlisted = summary.badCount - summary.bad.length;
      if (unlisted > 0) {
        rows.push({
          file: summary.file,
          reason: `${unlisted} more rejected records are not listed (the importer keeps the first ${MAX_REPORTED_BAD} of each file)`,
        });
      }
    }
  }
  if (format === 'jsonl') return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
  return ['file,line,record,reason', ...rows.map((r) => [csvCell(r.file), r.line ?? '', r.record ?? '', csvCell(r.reason)].join(','))].map((l) => `${l}\r\n`).join('');
}

/**
 * RFC 4180 quoting; text a spreadsheet would run as a formula (= + - @ first) gets a leading
 * apostrophe, since reasons quote text from the uploaded file.
 */
function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
