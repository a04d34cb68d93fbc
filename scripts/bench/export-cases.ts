/**
 * What the export benchmark's parent and children share (kept apart from the child entries,
 * which run themselves when imported): the project name, the two measured cases, the children's
 * arguments and results, and a line counter.
 */
import { open } from 'node:fs/promises';

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
  /** The child's peak RSS up to the end of the timed section, in MB: the export without the checks after it. */
  exportPeakRssMb: number;
}

/** The peak RSS of this process so far, in MB (Linux reports maxRSS in kilobytes). */
export function peakRssMbSoFar(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * Newlines in a file, read through one reused 64 KB buffer: a read stream's fresh buffer per
 * chunk stayed allocated until V8's next collection and added up to ~33 MB to the child's peak
 * RSS after a 100,000-solution export (either loader), which is the harness, not the export.
 */
export async function countLines(file: string): Promise<number> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(64 * 1024);
    let lines = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return lines;
      const bytes = bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
      for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) lines++;
    }
  } finally {
    await handle.close();
  }
}
