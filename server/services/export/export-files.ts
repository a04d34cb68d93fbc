import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { AppError } from '../../errors';

/**
 * The export folder on disk. Everything is written into a hidden staging folder beside the
 * target and renamed into place at the end, so a failed export leaves nothing half-written
 * under the name the user gave. Every file's sha256 is computed from the bytes as written.
 */

export interface WrittenFile {
  /** Relative to the export folder, "/"-separated. */
  path: string;
  bytes: number;
  sha256: string;
}

export class ExportFolder {
  private readonly written = new Map<string, WrittenFile>();

  private constructor(
    readonly target: string,
    readonly staging: string,
  ) {}

  /** Refuses a target that exists and is not an empty folder (nothing of the user's is replaced). */
  static async create(outDir: string): Promise<ExportFolder> {
    const target = resolve(outDir);
    const existing = await stat(target).catch(() => null);
    if (existing && !existing.isDirectory()) {
      throw new AppError('VALIDATION_FAILED', `--out ${outDir} exists and is not a folder`);
    }
    if (existing && (await readdir(target)).length > 0) {
      throw new AppError('VALIDATION_FAILED', `--out ${outDir} is not empty; name a new folder or empty this one`);
    }
    await mkdir(dirname(target), { recursive: true });
    const staging = await mkdtemp(join(dirname(target), `.${basename(target)}.partial-`));
    await mkdir(join(staging, 'images'));
    return new ExportFolder(target, staging);
  }

  /** A JSONL file written line by line, respecting the stream's backpressure. */
  openLines(path: string): LineWriter {
    return new LineWriter(this.pathOf(path), (hashed) => this.written.set(path, { path, ...hashed }));
  }

  /** `sha256`: the content's hash when the caller has just checked it (images), so it is not computed twice. */
  async writeWhole(path: string, content: string | Buffer, sha256?: string): Promise<WrittenFile> {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    await writeFile(this.pathOf(path), data, { flag: 'wx' });
    const file = { path, bytes: data.length, sha256: sha256 ?? createHash('sha256').update(data).digest('hex') };
    this.written.set(path, file);
    return file;
  }

  has(path: string): boolean {
    return this.written.has(path);
  }

  /** Every file written so far, sorted by path (the manifest's order). */
  files(): WrittenFile[] {
    return [...this.written.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** A scratch file inside staging, not part of the export (removed before commit). */
  scratch(name: string): string {
    return join(this.staging, name);
  }

  async commit(): Promise<void> {
    // mkdtemp makes the staging folder private (0700); the export is an ordinary folder.
    await chmod(this.staging, 0o755);
    // rmdir only succeeds on an empty folder: anything written there meanwhile is kept.
    if (await stat(this.target).catch(() => null)) await rmdir(this.target);
    await rename(this.staging, this.target);
  }

  async discard(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
  }

  private pathOf(path: string): string {
    return join(this.staging, ...path.split('/'));
  }
}

/** Lines to one file; `close()` reports its size and sha256. */
/** About 64 KB of bytes per write. */
const FLUSH_BYTES = 64 * 1024;
/** A chunk buffer's usual size: room for FLUSH_BYTES and one more line of up to a third of the rest. */
const CHUNK_BYTES = 2 * FLUSH_BYTES;
/** Bytes the stream may hold before a write waits for 'drain'. */
const STREAM_BUFFER = 1024 * 1024;

export class LineWriter {
  private readonly stream: WriteStream;
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;
  private failure: Error | undefined;
  /** The chunk being filled, and how many of its bytes are lines. */
  private chunk: Buffer | undefined;
  private used = 0;
  /**
   * Chunks the stream has finished writing, reused for later chunks. Lines are encoded into a
   * chunk as they arrive, so a line's string dies young, and a long export allocates a handful
   * of buffers per file rather than one per write: a fresh buffer (or a pending string of lines)
   * queued across many writes outlives the young generation's collections and is promoted, and
   * promoted garbage is what makes V8 grow the heap over a long export.
   */
  private readonly spare: Buffer[] = [];
  /** Lines written so far: the 1-based number of the last line. */
  lines = 0;

  constructor(
    readonly file: string,
    private readonly onClose?: (hashed: { bytes: number; sha256: string }) => void,
  ) {
    // A larger buffer than the default 16 KB: fewer waits for 'drain', each a round trip to the thread pool.
    this.stream = createWriteStream(file, { flags: 'wx', highWaterMark: STREAM_BUFFER });
    // Kept until the next write reports it: an 'error' nobody listens to would crash the process.
    this.stream.on('error', (error) => {
      this.failure ??= error;
    });
  }

  /**
   * Lines are encoded into a chunk and leave in writes of about FLUSH_BYTES: one hash update and
   * one stream write per chunk rather than per line (most lines are a few hundred bytes).
   */
  async writeLine(line: string): Promise<void> {
    this.lines += 1;
    let chunk = this.chunk ?? this.take();
    // UTF-8 takes at most 3 bytes per UTF-16 unit (a surrogate pair: 4 for 2): the usual line
    // fits without measuring it; one near the chunk's end, or a long one, is measured first.
    if (chunk.length - this.used < 3 * line.length + 1) {
      const size = Buffer.byteLength(line, 'utf8') + 1;
      if (chunk.length - this.used < size) {
        await this.flush();
        chunk = size <= CHUNK_BYTES ? this.take() : this.own(size);
      }
    }
    this.used += chunk.write(line, this.used, 'utf8');
    chunk[this.used] = 0x0a;
    this.used += 1;
    if (this.used >= FLUSH_BYTES) await this.flush();
  }

  /** Appends another file's bytes as they are (used to append val provenance after train's). */
  async append(file: string): Promise<void> {
    await this.flush();
    for await (const chunk of createReadStream(file)) await this.writeChunk(chunk as Buffer);
  }

  async close(): Promise<{ bytes: number; sha256: string }> {
    await this.flush();
    if (this.failure) throw this.failure;
    this.stream.end();
    await finished(this.stream);
    this.chunk = undefined;
    this.spare.length = 0;
    const hashed = { bytes: this.bytes, sha256: this.hash.digest('hex') };
    this.onClose?.(hashed);
    return hashed;
  }

  /** Destroys the stream after a failure elsewhere, so no handle stays open. */
  abort(): void {
    this.stream.destroy();
  }

  /** A usual-sized chunk to fill next (called with no chunk, or an empty one): the current one, a spare, or a new one. */
  private take(): Buffer {
    if (this.chunk === undefined || this.chunk.length !== CHUNK_BYTES) this.chunk = this.spare.pop() ?? Buffer.allocUnsafeSlow(CHUNK_BYTES);
    this.used = 0;
    return this.chunk;
  }

  /** A chunk of its own for a line longer than a usual chunk (called with no chunk, or an empty one). */
  private own(size: number): Buffer {
    if (this.chunk !== undefined && this.chunk.length === CHUNK_BYTES) this.spare.push(this.chunk);
    this.chunk = Buffer.allocUnsafeSlow(size);
    this.used = 0;
    return this.chunk;
  }

  private async flush(): Promise<void> {
    const chunk = this.chunk;
    if (chunk === undefined || this.used === 0) return;
    const bytes = chunk.subarray(0, this.used);
    this.chunk = undefined;
    this.used = 0;
    // Back among the spares once the stream has written it; only chunks of the usual size are kept.
    await this.writeChunk(bytes, chunk.length === CHUNK_BYTES ? () => this.spare.push(chunk) : undefined);
  }

  private async writeChunk(chunk: Buffer, written?: () => void): Promise<void> {
    if (this.failure) throw this.failure;
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (!this.stream.write(chunk, written)) await once(this.stream, 'drain');
  }
}
