import { checkSvg } from './svg-check';

/**
 * Recognises an image by its bytes (never by its file name or a declared type) and reads its
 * natural size from the header, so imports need no image library. Sizes are in pixels; for SVG,
 * CSS pixels (96 per inch) from `width`/`height`, else from the `viewBox`. An SVG that could run
 * code or fetch anything is refused (svg-check.ts), wherever it comes from (file or data: URL).
 */
export type ImageMime = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/svg+xml';

export interface ImageInfo {
  mime: ImageMime;
  width: number;
  height: number;
}

export type ImageInfoResult = { ok: true; info: ImageInfo } | { ok: false; reason: string };

/** Larger sides are refused: no diagram needs them, and they are a decompression-bomb shape. */
export const MAX_IMAGE_SIDE = 20_000;

const NOT_AN_IMAGE = 'not a PNG, JPEG, GIF, WebP or SVG image';

export function readImageInfo(bytes: Uint8Array): ImageInfoResult {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = sniff(data);
  if (found === null) return { ok: false, reason: NOT_AN_IMAGE };
  if (typeof found === 'string') return { ok: false, reason: found };
  const { width, height, mime } = found;
  const kind = mime.slice('image/'.length).replace('+xml', '').toUpperCase();
  if (!Number.isFinite(width) || !Number.isFinite(height) || width < 1 || height < 1) {
    return { ok: false, reason: `${kind} image declares a size of ${width}×${height}: width and height must be at least 1` };
  }
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    return { ok: false, reason: `${kind} image is ${width}×${height}: sides over ${MAX_IMAGE_SIDE} pixels are refused` };
  }
  if (mime === 'image/svg+xml') {
    const unsafe = checkSvg(data.toString('utf8'));
    if (unsafe !== null) return { ok: false, reason: unsafe };
  }
  return { ok: true, info: found };
}

/** An ImageInfo, a reason why a recognised format is broken, or null when nothing matched. */
function sniff(d: Buffer): ImageInfo | string | null {
  if (startsWith(d, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return png(d);
  if (startsWith(d, [0xff, 0xd8, 0xff])) return jpeg(d);
  if (d.length >= 6 && /^GIF8[79]a$/.test(d.toString('latin1', 0, 6))) return gif(d);
  if (d.length >= 12 && d.toString('latin1', 0, 4) === 'RIFF' && d.toString('latin1', 8, 12) === 'WEBP') return webp(d);
  return svg(d);
}

function png(d: Buffer): ImageInfo | string {
  if (d.length < 24 || d.toString('latin1', 12, 16) !== 'IHDR') return 'PNG image has no IHDR header';
  return { mime: 'image/png', width: d.readUInt32BE(16), height: d.readUInt32BE(20) };
}

function gif(d: Buffer): ImageInfo | string {
  if (d.length < 10) return 'GIF image is truncated';
  return { mime: 'image/gif', width: d.readUInt16LE(6), height: d.readUInt16LE(8) };
}

/** Walks the JPEG segments to the first start-of-frame marker (SOF0–SOF15 except DHT, JPG, DAC). */
function jpeg(d: Buffer): ImageInfo | string {
  let at = 2;
  while (at + 4 <= d.length) {
    if (d[at] !== 0xff) return 'JPEG image has a corrupt segment';
    const marker = d[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break; // end of image / start of scan before any frame
    const length = d.readUInt16BE(at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (at + 9 > d.length) break;
      return { mime: 'image/jpeg', width: d.readUInt16BE(at + 7), height: d.readUInt16BE(at + 5) };
    }
    if (length < 2) return 'JPEG image has a corrupt segment';
    at += 2 + length;
  }
  return 'JPEG image has no frame header (truncated?)';
}

function webp(d: Buffer): ImageInfo | string {
  const chunk = d.toString('latin1', 12, 16);
  if (chunk === 'VP8X' && d.length >= 30) {
    return { mime: 'image/webp', width: 1 + d.readUIntLE(24, 3), height: 1 + d.readUIntLE(27, 3) };
  }
  if (chunk === 'VP8L' && d.length >= 25 && d[20] === 0x2f) {
    const bits = d.readUInt32LE(21);
    return { mime: 'image/webp', width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ' && d.length >= 30 && d[23] === 0x9d && d[24] === 0x01 && d[25] === 0x2a) {
    return { mime: 'image/webp', width: d.readUInt16LE(26) & 0x3fff, height: d.readUInt16LE(28) & 0x3fff };
  }
  return 'WebP image has no readable VP8, VP8L or VP8X header';
}

// An SVG document: optional BOM, XML declaration, comments, doctype and processing
// instructions, then an <svg> root element. One whitespace character per repetition, never `\s+`
// inside `*`: that nesting backtracks exponentially on a long run of spaces.
const SVG_PROLOG = /^(?:\uFEFF)?(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*<svg(?=[\s/>])([^>]*)>?/i;
const SVG_SCAN_LIMIT = 64 * 1024;

function svg(d: Buffer): ImageInfo | string | null {
  const head = d.toString('utf8', 0, Math.min(d.length, SVG_SCAN_LIMIT));
  const root = SVG_PROLOG.exec(head);
  if (!root) return null;
  const attributes = root[1] ?? '';
  const viewBox = /\bviewBox\s*=\s*["']\s*([-+.\deE]+)[\s,]+([-+.\deE]+)[\s,]+([-+.\deE]+)[\s,]+([-+.\deE]+)\s*["']/.exec(attributes);
  const width = svgLength(attribute(attributes, 'width')) ?? (viewBox ? Number(viewBox[3]) : null);
  const height = svgLength(attribute(attributes, 'height')) ?? (viewBox ? Number(viewBox[4]) : null);
  if (width === null || height === null) return 'SVG image has no width/height or viewBox to size it';
  return { mime: 'image/svg+xml', width: Math.round(width), height: Math.round(height) };
}

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}\\s*=\\s*["']([^"']*)["']`).exec(attributes)?.[1];
}

const CSS_PX_PER_UNIT: Record<string, number> = { '': 1, px: 1, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, pt: 96 / 72, pc: 16 };

/** A length in CSS pixels, or null for percentages, relative units and nonsense (the viewBox decides). */
function svgLength(value: string | undefined): number | null {
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*([a-z%]*)\s*$/i.exec(value ?? '');
  const factor = m ? CSS_PX_PER_UNIT[(m[2] ?? '').toLowerCase()] : undefined;
  return m && factor !== undefined ? Number(m[1]) * factor : null;
}

function startsWith(d: Buffer, signature: number[]): boolean {
  return d.length >= signature.length && signature.every((byte, i) => d[i] === byte);
}
