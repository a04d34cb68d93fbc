import { jsonLine } from '../../domain/export/json-lines';
import type { ImageRef } from '../../domain/export/records';
import type { Split } from '../../domain/export/split';
import type { MergeSource } from '../../domain/merge/merge';

export const SPLIT_FILES: Record<Split, string> = { train: 'train.jsonl', val: 'val.jsonl' };
export const PROVENANCE_FILE = 'provenance.jsonl';

/** Where one record came from (SPEC §5); ids are the external ids people imported. */
export interface Provenance {
  solutionId: string;
  problemId: string;
  round: number;
  source: MergeSource;
  annotators: number;
  agreement: number | null;
  /** preference only: the rejected solution (`solutionId` is the chosen one). */
  rejectedSolutionId?: string;
}

/**
 * Where the record producers (export-records.ts, export-preference.ts) send what they make. The
 * folder writer (dataset-writer.ts) keeps everything; a zip pass (export-zip.ts) keeps one file's
 * worth; a counting pass (export-preview.ts) keeps nothing. Records arrive in the same order for
 * every sink, so a sink that numbers lines per split numbers them as the folder does.
 */
export interface DatasetSink {
  /** False: `render` is never called, so the producer may skip loading inline image data. */
  readonly needsText: boolean;
  /** One record of `split`; `render` gives its JSONL line (without the newline). */
  record(split: Split, render: () => string, provenance: Provenance): Promise<void>;
  /** `--images copy`: the images one page's records use (path → image); paths repeat across pages. */
  images(images: ReadonlyMap<string, ImageRef>): Promise<void>;
}

/** The provenance.jsonl line of the record at 1-based `line` of `split` (identical for every sink). */
export function provenanceLine(split: Split, line: number, provenance: Provenance): string {
  const value: Provenance & { split: Split; line: number } = {
    split,
    line,
    solutionId: provenance.solutionId,
    problemId: provenance.problemId,
    round: provenance.round,
    source: provenance.source,
    annotators: provenance.annotators,
    agreement: provenance.agreement,
  };
  // Added last (the line's key order) rather than spread in: object spread per record ends up in
  // V8's old generation (see loadMergeInputs in export-source.ts).
  if (provenance.rejectedSolutionId !== undefined) value.rejectedSolutionId = provenance.rejectedSolutionId;
  return jsonLine(value);
}
