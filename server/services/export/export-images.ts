import { createHash } from 'node:crypto';
import type { Database } from '../../db/connection';
import type { ImageRef } from '../../domain/export/records';
import type { ImageLocator } from '../../domain/export/formats';
import { loadImageData } from './export-source';

/** Where copied images go: the export folder, or a zip pass. */
export interface ImageStore {
  has(path: string): boolean;
  /** `sha256` is the bytes' hash, already checked. */
  write(path: string, bytes: Buffer, sha256: string): Promise<unknown>;
}

/**
 * Copies the images one page's records use into images/<sha256>.<ext>, each once per export.
 * The bytes must hash to the name they are stored under: a mismatch means a damaged database,
 * and shipping it would break the export's content addressing, so the export stops.
 */
export async function writeImages(db: Database, store: ImageStore, images: ReadonlyMap<string, ImageRef>): Promise<void> {
  const missing = [...images].filter(([path]) => !store.has(path));
  if (missing.length === 0) return;
  const data = await loadImageData(db, [...new Set(missing.map(([, image]) => image.sha256))]);
  for (const [path, image] of missing.sort(([a], [b]) => (a < b ? -1 : 1))) {
    const bytes = data.get(image.sha256);
    if (!bytes) throw new Error(`image ${image.sha256} is referenced by a problem but missing from the database`);
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== image.sha256) throw new Error(`image ${image.sha256} is damaged: its bytes hash to ${actual}`);
    await store.write(path, bytes, actual);
  }
}

/**
 * `--images inline`: a locator giving `data:<mime>;base64,…` for every image of one page's
 * problems (memory: one page of images). Bytes are checked against their sha256 as in copy mode.
 */
export async function inlineImages(db: Database, page: ReadonlyArray<{ problem: { images: readonly ImageRef[] } | null }>): Promise<ImageLocator> {
  const wanted = new Set(page.flatMap((item) => (item.problem?.images ?? []).map((image) => image.sha256)));
  const data = await loadImageData(db, [...wanted]);
  const urls = new Map<string, string>();
  for (const [sha256, bytes] of data) {
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) throw new Error(`image ${sha256} is damaged: its bytes hash to ${actual}`);
    urls.set(sha256, bytes.toString('base64'));
  }
  return (image) => {
    const base64 = urls.get(image.sha256);
    if (base64 === undefined) throw new Error(`image ${image.sha256} is referenced by a problem but missing from the database`);
    return `data:${image.mime.toLowerCase()};base64,${base64}`;
  };
}
