/**
 * Classifies an image reference from an import file (SPEC §3.1) without touching the disk or
 * the network. Allowed: a `data:` URL (its bytes are in the line) or a path relative to the
 * JSONL file's folder that stays inside it. Refused: remote URLs (fetching on a user's behalf is
 * opt-in, not done here), absolute paths, and paths that climb out with `..`.
 *
 * The caller still has to resolve symbolic links: a relative path that looks contained may point
 * elsewhere on disk (server/services/import/read-images.ts checks the real path).
 */
export type ImageRef =
  | { kind: 'bytes'; bytes: Buffer }
  /** POSIX form, normalised: no `.`, `..` or empty segments, never leading with `/`. */
  | { kind: 'path'; path: string }
  | { kind: 'refused'; reason: string };

const REMOTE = /^https?:\/\//i;
const WINDOWS_DRIVE = /^[A-Za-z]:/;
const URL_SCHEME = /^([A-Za-z][A-Za-z0-9+.-]+):/;
const BASE64_BODY = /^[A-Za-z0-9+/_-]*={0,2}$/;

export function classifyImageRef(ref: string): ImageRef {
  if (ref.startsWith('data:')) return decodeDataUrl(ref);
  if (REMOTE.test(ref)) {
    return refused(`remote image URLs are not fetched (${preview(ref)}): download the image and give a path relative to the JSONL file's folder`);
  }
  if (ref.startsWith('/') || ref.startsWith('\\') || WINDOWS_DRIVE.test(ref)) {
    return refused("absolute image paths are refused: give a path relative to the JSONL file's folder");
  }
  const scheme = URL_SCHEME.exec(ref);
  if (scheme) return refused(`image URL scheme "${scheme[1]}:" is not supported: give a relative path or a data: URL`);
  if (ref.includes('\0')) return refused('image path contains a NUL character');
  return normaliseRelative(ref);
}

/** `a/./b/../c.png` → `a/c.png`; backslashes count as separators so Windows-made files work. */
function normaliseRelative(ref: string): ImageRef {
  const segments: string[] = [];
  for (const segment of ref.split(/[/\\]/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return refused("image path escapes the file's folder");
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  if (segments.length === 0) return refused('image path names the folder itself, not a file');
  return { kind: 'path', path: segments.join('/') };
}

/** RFC 2397: `data:[<mediatype>][;base64],<data>`. The media type is ignored: bytes are sniffed. */
function decodeDataUrl(ref: string): ImageRef {
  const comma = ref.indexOf(',');
  if (comma < 0) return refused('data: URL has no "," before its data');
  const header = ref.slice('data:'.length, comma);
  const body = ref.slice(comma + 1);
  const isBase64 = header.split(';').some((part) => part.trim().toLowerCase() === 'base64');
  if (isBase64) {
    const compact = body.replace(/\s+/g, '');
    if (!BASE64_BODY.test(compact)) return refused('data: URL is not valid base64');
    const bytes = Buffer.from(compact, 'base64');
    return bytes.length === 0 ? refused('data: URL holds no bytes') : { kind: 'bytes', bytes };
  }
  const bytes = percentDecode(body);
  if (bytes === null) return refused('data: URL has a malformed %-escape');
  return bytes.length === 0 ? refused('data: URL holds no bytes') : { kind: 'bytes', bytes };
}

/** Percent-decodes to raw bytes (not to text: `%89PNG` is binary), other characters as UTF-8. */
function percentDecode(body: string): Buffer | null {
  const parts: Buffer[] = [];
  let plainStart = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '%') continue;
    const hex = body.slice(i + 1, i + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
    parts.push(Buffer.from(body.slice(plainStart, i), 'utf8'), Buffer.from([Number.parseInt(hex, 16)]));
    i += 2;
    plainStart = i + 1;
  }
  parts.push(Buffer.from(body.slice(plainStart), 'utf8'));
  return Buffer.concat(parts);
}

function preview(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function refused(reason: string): ImageRef {
  return { kind: 'refused', reason };
}
