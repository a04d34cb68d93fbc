import { describe, expect, it } from 'vitest';
import { readImageInfo } from './image-info';

const bytes = (...parts: (number[] | string)[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u16be = (n: number) => [(n >>> 8) & 255, n & 255];
const u16le = (n: number) => [n & 255, (n >>> 8) & 255];
const u24le = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const png = (w: number, h: number) => bytes(PNG_SIGNATURE, u32be(13), 'IHDR', u32be(w), u32be(h), [8, 2, 0, 0, 0]);
// SOI, an APP0 segment, a DQT-like segment, fill bytes, then SOF2 (progressive) with the size.
const jpeg = (w: number, h: number, sof = 0xc2) =>
  bytes([0xff, 0xd8], [0xff, 0xe0], u16be(7), 'JFIF\0', [0xff, 0xdb], u16be(4), [0, 0], [0xff, 0xff],
    [0xff, sof], u16be(11), [8], u16be(h), u16be(w), [1, 1, 0x11, 0]);
const webp = (chunk: string, body: number[]) => bytes('RIFF', [0, 0, 0, 0], 'WEBP', chunk, [10, 0, 0, 0], body);

describe('readImageInfo', () => {
  it.each([
    ['PNG', png(2, 3), { mime: 'image/png', width: 2, height: 3 }],
    ['baseline JPEG', jpeg(307, 460, 0xc0), { mime: 'image/jpeg', width: 307, height: 460 }],
    ['progressive JPEG after fill bytes', jpeg(5, 4), { mime: 'image/jpeg', width: 5, height: 4 }],
    ['GIF89a', bytes('GIF89a', u16le(640), u16le(480), [0, 0, 0]), { mime: 'image/gif', width: 640, height: 480 }],
    ['GIF87a', bytes('GIF87a', u16le(1), u16le(1), [0]), { mime: 'image/gif', width: 1, height: 1 }],
    ['lossy WebP', webp('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...u16le(5), ...u16le(3)]), { mime: 'image/webp', width: 5, height: 3 }],
    ['lossless WebP', webp('VP8L', [0x2f, ...[(4) & 255, ((4 >> 8) & 0x3f) | ((2 & 3) << 6), (2 >> 2) & 255, 0]]), { mime: 'image/webp', width: 5, height: 3 }],
    ['extended WebP', webp('VP8X', [0x10, 0, 0, 0, ...u24le(1199), ...u24le(799)]), { mime: 'image/webp', width: 1200, height: 800 }],
  ])('reads a %s', (_name, data, expected) => {
    expect(readImageInfo(data)).toEqual({ ok: true, info: expected });
  });

  it.each([
    ['width and height', '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"><rect/></svg>', 120, 80],
    ['a viewBox', '<svg viewBox="0 0 300.4 150"/>', 300, 150],
    ['units', '<svg width="1in" height="2.54cm" viewBox="0 0 1 1"></svg>', 96, 96],
    ['percentages falling back to the viewBox', '<svg width="100%" height="100%" viewBox="0,0,40,30"></svg>', 40, 30],
    ['an XML prolog, comments and a doctype', '\uFEFF<?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">\n<svg\n  width="10" height="20">', 10, 20],
  ])('reads an SVG sized by %s', (_name, text, width, height) => {
    expect(readImageInfo(Buffer.from(text))).toEqual({ ok: true, info: { mime: 'image/svg+xml', width, height } });
  });

  it.each([
    ['text', Buffer.from('hello'), 'not a PNG, JPEG, GIF, WebP or SVG image'],
    ['HTML', Buffer.from('<html><svg width="1" height="1"/></html>'), 'not a PNG, JPEG, GIF, WebP or SVG image'],
    ['an svg-like element name', Buffer.from('<svgx width="1" height="1"/>'), 'not a PNG, JPEG, GIF, WebP or SVG image'],
    ['nothing', Buffer.alloc(0), 'not a PNG, JPEG, GIF, WebP or SVG image'],
    ['a truncated PNG', bytes(PNG_SIGNATURE, u32be(13)), 'PNG image has no IHDR header'],
    ['a JPEG without a frame', bytes([0xff, 0xd8, 0xff, 0xe0], u16be(4), [0, 0]), 'JPEG image has no frame header (truncated?)'],
    ['an unsized SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'SVG image has no width/height or viewBox to size it'],
    ['a WebP without a known chunk', webp('ALPH', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 'WebP image has no readable VP8, VP8L or VP8X header'],
  ])('refuses %s', (_name, data, reason) => {
    expect(readImageInfo(data)).toEqual({ ok: false, reason });
  });

  it('refuses zero and oversized sides', () => {
    expect(readImageInfo(png(0, 3))).toEqual({ ok: false, reason: 'PNG image declares a size of 0×3: width and height must be at least 1' });
    expect(readImageInfo(png(20_001, 3))).toEqual({ ok: false, reason: 'PNG image is 20001×3: sides over 20000 pixels are refused' });
    expect(readImageInfo(Buffer.from('<svg width="0" height="5"/>'))).toMatchObject({ ok: false });
    expect(readImageInfo(png(20_000, 20_000))).toMatchObject({ ok: true });
  });

  it('stays fast on a long run of whitespace before a non-SVG', () => {
    const started = performance.now();
    expect(readImageInfo(Buffer.from(`${' '.repeat(60_000)}x`))).toMatchObject({ ok: false });
    expect(performance.now() - started).toBeLessThan(500);
  });
});
