import type { ImageRef } from './records';

/** File extensions for the image types Redline stores (SPEC §2); anything else keeps `bin`. */
const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
};

/** `images/<sha256>.<ext>`, relative to the export folder (LLaMA-Factory's media_dir default). */
export function imagePath(image: ImageRef): string {
  return `images/${image.sha256}.${EXTENSIONS[image.mime.toLowerCase()] ?? 'bin'}`;
}
