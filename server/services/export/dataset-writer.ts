import { rm } from 'node:fs/promises';
import type { Database } from '../../db/connection';
import type { ImageRef } from '../../domain/export/records';
import type { Split } from '../../domain/export/split';
import { PROVENANCE_FILE, provenanceLine, SPLIT_FILES, type DatasetSink, type Provenance } from './dataset-sink';
import { LineWriter, type ExportFolder } from './export-files';
import { writeImages } from './export-images';

export { PROVENANCE_FILE, SPLIT_FILES, type Provenance } from './dataset-sink';

/**
 * The folder sink: train.jsonl, val.jsonl and provenance.jsonl, written as records arrive, and
 * images/ as pages use them. provenance.jsonl is aligned with the records: first one line per
 * train.jsonl line, in order, then one per val.jsonl line, in order; each carries its `split`
 * and 1-based `line`. Val provenance waits in a scratch file until train is complete, so memory
 * stays flat.
 */
export class DatasetWriter implements DatasetSink {
  readonly needsText = true;
  private readonly splits: Record<Split, LineWriter>;
  private readonly provenance: LineWriter;
  private readonly valProvenance: LineWriter;

  constructor(
    private readonly folder: ExportFolder,
    private readonly db: Database,
  ) {
    this.splits = { train: folder.openLines(SPLIT_FILES.train), val: folder.openLines(SPLIT_FILES.val) };
    this.provenance = folder.openLines(PROVENANCE_FILE);
    this.valProvenance = new LineWriter(folder.scratch('.val-provenance.jsonl'));
  }

  async record(split: Split, render: () => string, provenance: Provenance): Promise<void> {
    const file = this.splits[split];
    await file.writeLine(render());
    await (split === 'train' ? this.provenance : this.valProvenance).writeLine(provenanceLine(split, file.lines, provenance));
  }

  async images(images: ReadonlyMap<string, ImageRef>): Promise<void> {
    await writeImages(this.db, { has: (path) => this.folder.has(path), write: (path, bytes, sha256) => this.folder.writeWhole(path, bytes, sha256) }, images);
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
