import type { UploadFile } from '../../api/imports';

/** What the page uploads: data files and the images they refer to (SPEC §3.1). Pure helpers. */

const DATA = /\.(jsonl|json)$/i;
const IMAGE = /\.(png|jpe?g|gif|webp|svg|bmp|tiff?)$/i;

export const isDataFile = (name: string) => DATA.test(name);

/**
 * The name a picked file is uploaded under: the path relative to the data file's folder. Files
 * of a folder pick carry `webkitRelativePath` "picked/img/p-1.png"; the picked folder itself is
 * the data file's folder, so its name is dropped ("img/p-1.png"). Single picks use the file name.
 */
export function uploadNameOf(file: { name: string; webkitRelativePath?: string }): string {
  const relative = file.webkitRelativePath ?? '';
  if (relative === '') return file.name;
  const slash = relative.indexOf('/');
  return slash < 0 ? relative : relative.slice(slash + 1);
}

/**
 * Adds picked files to the chosen ones: a later pick of the same name replaces the earlier; only
 * data files and images are kept (a folder also holds notes, hidden files…), the rest counted.
 */
export function addPicked(chosen: readonly UploadFile[], picked: ReadonlyArray<File>): { files: UploadFile[]; skipped: number } {
  const byName = new Map(chosen.map((f) => [f.name, f]));
  let skipped = 0;
  for (const file of picked) {
    const name = uploadNameOf(file);
    const base = name.split('/').pop() ?? name;
    if (base.startsWith('.') || !(DATA.test(name) || IMAGE.test(name))) {
      skipped += 1;
      continue;
    }
    byName.set(name, { name, file });
  }
  // Data files first, so they are easy to check in the list.
  const files = [...byName.values()].sort((a, b) => Number(isDataFile(b.name)) - Number(isDataFile(a.name)) || a.name.localeCompare(b.name));
  return { files, skipped };
}

/** Bytes for people: "812 B", "3.4 KB", "12.0 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
