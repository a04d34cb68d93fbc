/**
 * What the export benchmark's parent and children share (kept apart from the child entries,
 * which run themselves when imported): the project name, the two measured cases, the children's
 * arguments and results, and a line counter.
 */
import { createReadStream } from 'node:fs';

export const BENCH_PROJECT = 'bench';

/** The cases issue 5 outcome 7 names. */
export const EXPORT_CASES = {
  'reflection/sharegpt/copy': { kind: 'reflection', format: 'sharegpt', images: 'copy' },
  'orm/openai/inline': { kind: 'orm', format: 'openai', images: 'inline' },
} as const satisfies Record<string, { kind: string; format: string; images: 'copy' | 'inline' }>;
export type ExportCaseName = keyof typeof EXPORT_CASES;

export interface ExportChildArgs {
  database: string;
  /** A folder that does not exist yet. */
  outDir: string;
  exportCase: ExportCaseName;
}

export interface ExportChildResult {
  /** Records written (redline: the manifest's counts.total; baseline: lines it wrote). */
  records: number;
  /** Lines in the record files, counted after the timed section. */
  lines: number;
  /** Solutions read. */
  solutions: number;
  /** Image files written (0 when inlined). */
  images: number;
  /** Bytes of the record files (redline: train.jsonl + val.jsonl). */
  recordBytes: number;
}

/** Newlines in a file, streamed. */
export async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file)) {
    const bytes = chunk as Buffer;
    for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) lines++;
  }
  return lines;
}
