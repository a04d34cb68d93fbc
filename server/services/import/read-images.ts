import { hash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { classifyImageRef } from '../../domain/import/image-ref';
import { readImageInfo, type ImageMime } from '../../domain/import/image-info';

/**
 * Loads the images an import file refers to. Relative paths are resolved against the file's
 * folder and must stay inside it after symbolic links are followed. Each path is read once per
 * import: results are cached by normalised path, and the bytes are kept only until the images
 * are known to be stored (`markStored`) or the batch ends (`dropBytes`) — memory stays bounded
 * by one batch, not by the number of distinct images in the file.
 */
export interface LoadedImage {
  /** Lowercase hex: the image's identity (content addressing). */
  sha256: string;
  mime: ImageMime;
  width: number;
  height: number;
  bytes: number;
  /** Absent once dropped; then the image is either stored already or is read again. */
  data?: Buffer;
}

export type ImageLoad = { ok: true; image: LoadedImage } | { ok: false; reason: string };

/** Larger files are refused before reading: a diagram is never this big. */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
/**
 * Diagrams up to this size are resolved, stat'ed and read synchronously: for a local file of a
 * few KB each trip through the thread pool costs more than the read (4 trips per image made
 * image loading a tenth of an import's time). Larger files are read without blocking.
 */
const SYNC_READ_BYTES = 1024 * 1024;

export class ImageLoader {
  private readonly byPath = new Map<string, ImageLoad>();
  private readonly stored = new Set<string>();
  private folderReal: Promise<string> | undefined;

  constructor(private readonly folder: string) {}

  /** `needBytes: false` when only the hash and size matter (validating, not writing). */
  async load(ref: string, needBytes = true): Promise<ImageLoad> {
    const kind = classifyImageRef(ref);
    if (kind.kind === 'refused') return { ok: false, reason: kind.reason };
    if (kind.kind === 'bytes') return describe(kind.bytes);
    const cached = this.byPath.get(kind.path);
    const usable = cached && (!cached.ok || !needBytes || cached.image.data !== undefined || this.stored.has(cached.image.sha256));
    if (cached && usable) return cached;
    const loaded = await this.readRelative(kind.path);
    this.byPath.set(kind.path, loaded);
    return loaded;
  }

  /** These images are in the database: their bytes are not needed again in this import. */
  markStored(shas: Iterable<string>): void {
    for (const sha of shas) this.stored.add(sha);
  }

  /** Ends a batch: cached results keep their size and hash but let go of the bytes. */
  dropBytes(): void {
    for (const [path, result] of this.byPath) {
      if (result.ok && result.image.data !== undefined) {
        const { data: _data, ...rest } = result.image;
        this.byPath.set(path, { ok: true, image: rest });
      }
    }
  }

  private async readRelative(path: string): Promise<ImageLoad> {
    const folderReal = await (this.folderReal ??= realpath(this.folder));
    let real: string;
    try {
      real = realpathSync.native(resolve(folderReal, path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { ok: false, reason: code === 'ENOENT' || code === 'ENOTDIR' ? `image file ${path} not found` : `image file ${path} cannot be read (${code})` };
    }
    if (real !== folderReal && !real.startsWith(folderReal.endsWith(sep) ? folderReal : folderReal + sep)) {
      return { ok: false, reason: `image path escapes the file's folder (${path} is a link to somewhere outside it)` };
    }
    try {
      const info = statSync(real);
      if (!info.isFile()) return { ok: false, reason: `image path ${path} is not a file` };
      if (info.size > MAX_IMAGE_BYTES) return { ok: false, reason: `image file ${path} is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB` };
      const data = info.size <= SYNC_READ_BYTES ? readFileSync(real) : await readFile(real);
      const described = describe(data);
      return described.ok ? described : { ok: false, reason: `image file ${path}: ${described.reason}` };
    } catch (error) {
      return { ok: false, reason: `image file ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
    }
  }
}

function describe(data: Buffer): ImageLoad {
  const info = readImageInfo(data);
  if (!info.ok) return info;
  const sha256 = hash('sha256', data, 'hex');
  return { ok: true, image: { sha256, ...info.info, bytes: data.length, data } };
}
