import { createHash } from 'node:crypto';
import type { Database } from '../../db/connection';
import type { ImageRef } from '../../domain/export/records';
import type { ExportFolder } from './export-files';
import { loadImageData } from './export-source';

/**
 * Copies the images one page's records use into images/<sha256>.<ext>, each once per export.
 * The bytes must hash to the name they are stored under: a mismatch means a damaged database,
 * and shipping it would break the export's content addressing, so the export stops.
 */
export async function writeImages(db: Database, folder: ExportFolder, images: ReadonlyMap<string, ImageRef>): Promise<void> {
  const missing = [...images].filter(([path]) => !folder.has(path));
  if (missing.length === 0) return;
  const data = await loadImageData(db, [...new Set(missing.map(([, image]) => image.sha256))]);
  for (const [path, image] of missing.sort(([a], [b]) => (a < b ? -1 : 1))) {
    const bytes = data.get(image.sha256);
    if (!bytes) throw new Error(`image ${image.sha256} is referenced by a problem but missing from the database`);
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== image.sha256) throw new Error(`image ${image.sha256} is damaged: its bytes hash to ${actual}`);
    await folder.writeWhole(path, bytes);
  }
}
