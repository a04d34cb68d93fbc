import type { Database } from '../../db/connection';
import { importFiles, type ImportOptions, type ImportSummary } from './import-files';

export { MAX_REPORTED_BAD, type ImportOptions, type ImportProgress, type ImportSummary } from './import-files';

/**
 * The native JSONL importer (SPEC §3.1): `importFiles` with the format fixed to `redline`.
 * See import-files.ts for streaming, bad lines, `strict` and auditing.
 */
export async function importNativeFile(db: Database, opts: ImportOptions & { file: string }): Promise<ImportSummary> {
  const [summary] = await importNativeFiles(db, { ...opts, files: [opts.file] });
  if (!summary) throw new Error('an import of one file returned no summary');
  return summary;
}

export function importNativeFiles(db: Database, options: ImportOptions & { files: string[] }): Promise<ImportSummary[]> {
  return importFiles(db, { ...options, format: 'redline' });
}
