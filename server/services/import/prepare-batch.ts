import { parseNativeLine, type NativeRecord, type ParseOptions } from '../../domain/import/native-line';
import type { SourceLine } from './line-batches';
import type { ImageLoader, LoadedImage } from './read-images';

export interface PreparedLine {
  record: NativeRecord;
  /** One per `record.problem.imageRefs`, same order. */
  images: LoadedImage[];
}

export interface BadLine {
  line: number;
  reason: string;
}

/**
 * Everything about a batch that needs no database: parsing, validation, reading and hashing the
 * images. Runs before any transaction opens (SQLite transactions must hold no file I/O).
 * Lines are handled one after another so the loader's cache sees each image path once.
 */
export async function prepareBatch(
  lines: readonly SourceLine[],
  loader: ImageLoader,
  opts: ParseOptions,
  needBytes: boolean,
): Promise<{ good: PreparedLine[]; bad: BadLine[] }> {
  const good: PreparedLine[] = [];
  const bad: BadLine[] = [];
  for (const { lineNo, text } of lines) {
    const parsed = parseNativeLine(text, lineNo, opts);
    if (!parsed.ok) {
      bad.push({ line: lineNo, reason: parsed.reason });
      continue;
    }
    const images: LoadedImage[] = [];
    let failure: string | null = null;
    for (const [i, ref] of parsed.record.problem.imageRefs.entries()) {
      const loaded = await loader.load(ref, needBytes);
      if (!loaded.ok) {
        failure = `problem.images[${i}]: ${loaded.reason}`;
        break;
      }
      images.push(loaded.image);
    }
    if (failure === null) good.push({ record: parsed.record, images });
    else bad.push({ line: lineNo, reason: failure });
  }
  return { good, bad };
}
