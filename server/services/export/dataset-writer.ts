import { rm } from 'node:fs/promises';
import { jsonLine } from '../../domain/export/json-lines';
import type { Split } from '../../domain/export/split';
import type { MergeSource } from '../../domain/merge/merge';
import { LineWriter, type ExportFolder } from './export-files';

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
 * train.jsonl, val.jsonl and provenance.jsonl, written as records arrive. provenance.jsonl is
 * aligned with the records: first one line per train.jsonl line, in order, then one per
 * val.jsonl line, in order; each carries its `split` and 1-based `line`. Val provenance waits
 * in a scratch file until train is complete, so memory stays flat.
 */
export class DatasetWriter {
  private readonly splits: Record<Split, LineWriter>;
  private readonly provenance: LineWriter;
  private readonly valProvenance: LineWriter;

  constructor(folder: ExportFolder) {
    this.splits = { train: folder.openLines(SPLIT_FILES.train), val: folder.openLines(SPLIT_FILES.val) };
    this.provenance = folder.openLines(PROVENANCE_FILE);
    this.valProvenance = new LineWriter(folder.scratch('.val-provenance.jsonl'));
  }

  /** Writes one rendered record and its provenance; returns its 1-based line in the split file. */
  async write(split: Split, recordLine: string, provenance: Provenance): Promise<number> {
    const file = this.splits[split];
    await file.writeLine(recordLine);
    const line = file.lines;
    const entry = {
      split,
      line,
      solutionId: provenance.solutionId,
      problemId: provenance.problemId,
      round: provenance.round,
      source: provenance.source,
      annotators: provenance.annotators,
      agreement: provenance.agreement,
      ...(provenance.rejectedSolutionId === undefined ? {} : { rejectedSolutionId: provenance.rejectedSolutionId }),
    };
    await (split === 'train' ? this.provenance : this.valProvenance).writeLine(jsonLine(entry));
    return line;
  }

  count(split: Split): number {
    return this.splits[split].lines;
  }

  async finish(): Promise<void> {
    await this.splits.train.close();
    await this.splits.val.close();
    await this.valProvenance.close();
    await this.provenance.append(this.valProvenance.file);
    await this.provenance.close();
    await rm(this.valProvenance.file);
  }

  abort(): void {
    for (const writer of [this.splits.train, this.splits.val, this.provenance, this.valProvenance]) writer.abort();
  }
}
