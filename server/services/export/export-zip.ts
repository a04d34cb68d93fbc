import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { Database } from '../../db/connection';
import type { ImageRef } from '../../domain/export/records';
import { SPLITS, type Split } from '../../domain/export/split';
import { PROVENANCE_FILE, provenanceLine, SPLIT_FILES, type DatasetSink, type Provenance } from './dataset-sink';
import type { WrittenFile } from './export-files';
import { writeImages } from './export-images';
import type { ExportSettings } from './export-options';
import { describeFiles, manifestText, runExportPass, sortFiles } from './export-pass';
import { MANIFEST_FILE, type ExportTally } from './manifest';

/**
 * The export folder as one zip, streamed (SPEC §5, issue 5): no temp file, memory flat. Zip
 * entries are sequential, so each file is one pass over the database (export-pass.ts) into a
 * sink that keeps only that file's lines: train.jsonl, val.jsonl, provenance.jsonl (a train
 * pass then a val pass), images/ (each once), the format's files, manifest.json. Every file's
 * bytes equal the folder export's for the same options and data (manifest.json's `createdAt`
 * aside). Passes read the database afresh, so labels saved during a download may make later
 * files disagree with earlier ones; a lead exporting a frozen round is unaffected.
 */
export interface ZipExport {
  /** The zip's bytes; the first entry's header is written at once. */
  stream: Readable;
  /** Settles when the zip is complete (the tally) or has failed (the stream is then destroyed). */
  done: Promise<ExportTally>;
}

export function streamExportZip(db: Database, project: { id: number; name: string }, settings: ExportSettings, createdAt = new Date()): ZipExport {
  const zip = new ZipFile();
  const stream = zip.outputStream as Readable;
  const aborted = new AbortController();
  let complete = false;
  // The reader went away (download cancelled): stop at the next write instead of waiting forever.
  stream.once('close', () => {
    if (!complete) aborted.abort(new Error('the zip stream was closed before the export finished'));
  });
  const entries = new ZipEntries(zip, createdAt, aborted.signal);
  const done = writeZip(db, project, settings, entries, createdAt).then(
    (tally) => {
      complete = true;
      zip.end();
      return tally;
    },
    (error: unknown) => {
      complete = true;
      stream.destroy(error instanceof Error ? error : new Error(String(error)));
      throw error;
    },
  );
  return { stream, done };
}

async function writeZip(db: Database, project: { id: number; name: string }, settings: ExportSettings, entries: ZipEntries, createdAt: Date): Promise<ExportTally> {
  const files: WrittenFile[] = [];
  let tally: ExportTally | undefined;
  for (const split of SPLITS) {
    const entry = entries.open(SPLIT_FILES[split]);
    tally = await runExportPass(db, project.id, settings, new SplitLinesSink(split, entry));
    files.push(await entry.close());
  }
  const provenance = entries.open(PROVENANCE_FILE);
  for (const split of SPLITS) await runExportPass(db, project.id, settings, new ProvenanceSink(split, provenance));
  files.push(await provenance.close());
  entries.directory('images/');
  if (settings.images === 'copy') {
    const images = new ImagesSink(db, entries);
    await runExportPass(db, project.id, settings, images);
    files.push(...images.files);
  }
  for (const file of describeFiles(settings)) files.push(await entries.whole(file.path, Buffer.from(file.content, 'utf8')));
  if (!tally) throw new Error('an export has at least one split');
  await entries.whole(MANIFEST_FILE, Buffer.from(manifestText(project.name, settings, tally, sortFiles(files), createdAt), 'utf8'));
  return tally;
}

/** Opens zip entries one at a time; each is fed through a PassThrough, honouring backpressure. */
class ZipEntries {
  constructor(
    private readonly zip: ZipFile,
    private readonly mtime: Date,
    private readonly signal: AbortSignal,
  ) {}

  open(path: string, compress = true): ZipEntry {
    this.signal.throwIfAborted();
    const input = new PassThrough();
    this.zip.addReadStream(input, path, { mtime: this.mtime, compress });
    return new ZipEntry(path, input, this.signal);
  }

  directory(path: string): void {
    this.signal.throwIfAborted();
    this.zip.addEmptyDirectory(path, { mtime: this.mtime });
  }

  /** A file written in one go (images are already compressed: stored as they are). */
  async whole(path: string, bytes: Buffer, compress = true): Promise<WrittenFile> {
    const entry = this.open(path, compress);
    await entry.write(bytes);
    return entry.close();
  }
}

class ZipEntry {
  private readonly hash = createHash('sha256');
  private bytes = 0;

  constructor(
    readonly path: string,
    private readonly input: PassThrough,
    private readonly signal: AbortSignal,
  ) {}

  async writeLine(line: string): Promise<void> {
    await this.write(Buffer.from(`${line}\n`, 'utf8'));
  }

  async write(chunk: Buffer): Promise<void> {
    this.signal.throwIfAborted();
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (!this.input.write(chunk)) await once(this.input, 'drain', { signal: this.signal });
  }

  /** Ends the entry and waits until the zip has read all of it, so the next entry can start. */
  async close(): Promise<WrittenFile> {
    this.input.end();
    await finished(this.input, { signal: this.signal });
    return { path: this.path, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}

/** train.jsonl or val.jsonl: the lines of one split; the other split's records are skipped. */
class SplitLinesSink implements DatasetSink {
  readonly needsText = true;
  constructor(
    private readonly split: Split,
    private readonly entry: ZipEntry,
  ) {}

  async record(split: Split, render: () => string): Promise<void> {
    if (split === this.split) await this.entry.writeLine(render());
  }

  async images(): Promise<void> {}
}

/** One split's provenance lines, numbered as the folder writer numbers them. */
class ProvenanceSink implements DatasetSink {
  readonly needsText = false;
  private line = 0;
  constructor(
    private readonly split: Split,
    private readonly entry: ZipEntry,
  ) {}

  async record(split: Split, _render: () => string, provenance: Provenance): Promise<void> {
    if (split !== this.split) return;
    this.line += 1;
    await this.entry.writeLine(provenanceLine(split, this.line, provenance));
  }

  async images(): Promise<void> {}
}

/** images/<sha256>.<ext>, each once, in the order the folder export writes them. */
class ImagesSink implements DatasetSink {
  readonly needsText = false;
  readonly files: WrittenFile[] = [];
  private readonly written = new Set<string>();
  constructor(
    private readonly db: Database,
    private readonly entries: ZipEntries,
  ) {}

  async record(): Promise<void> {}

  async images(images: ReadonlyMap<string, ImageRef>): Promise<void> {
    await writeImages(
      this.db,
      {
        has: (path) => this.written.has(path),
        write: async (path, bytes) => {
          this.files.push(await this.entries.whole(path, bytes, false));
          this.written.add(path);
        },
      },
      images,
    );
  }
}
