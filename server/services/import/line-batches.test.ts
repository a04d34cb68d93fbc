import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { firstInvalidUtf8, MAX_LINE_BYTES, readLineBatches } from './line-batches';
import { removeTempDirs, tempDir } from './test-files';

afterAll(removeTempDirs);

function file(bytes: Buffer | string): string {
  const path = join(tempDir(), 'f.jsonl');
  writeFileSync(path, bytes);
  return path;
}

async function lines(path: string, maxLineBytes?: number, batchSize = 3) {
  const out = [];
  for await (const batch of readLineBatches(path, batchSize, maxLineBytes)) {
    expect(batch.lines.length).toBeLessThanOrEqual(batchSize);
    out.push(...batch.lines);
  }
  return out;
}

describe('readLineBatches', () => {
  it('numbers lines as an editor does: blank lines counted, BOM and CR dropped, a last line without LF kept', async () => {
    expect(await lines(file('\uFEFF{"a":1}\r\n\r\n  \n{"b":2}\n{"c":3}\r\n{"d":4}'))).toEqual([
      { lineNo: 1, text: '{"a":1}' }, { lineNo: 4, text: '{"b":2}' }, { lineNo: 5, text: '{"c":3}' }, { lineNo: 6, text: '{"d":4}' },
    ]);
  });

  it('a lone CR is not a line end (JSONL lines end at LF)', async () => {
    expect(await lines(file('{"a":1}\r{"b":2}\n'))).toEqual([{ lineNo: 1, text: '{"a":1}\r{"b":2}' }]);
  });

  it(`skips a line over ${MAX_LINE_BYTES / 1024 / 1024} MB as a bad line, and reads the next ones`, async () => {
    const big = `{"x":"${'x'.repeat(10.5 * 1024 * 1024)}"}`;
    expect(await lines(file(`{"a":1}\n${big}\n{"b":2}\n${big}`))).toEqual([
      { lineNo: 1, text: '{"a":1}' },
      { lineNo: 2, error: 'longer than 10 MB (10.5 MB); a line may hold at most 10 MB, so this one was skipped' },
      { lineNo: 3, text: '{"b":2}' },
      { lineNo: 4, error: expect.stringMatching(/^longer than 10 MB \(10\.5 MB\)/) },
    ]);
  });

  it('a line of exactly the limit passes, with or without CR; one byte more does not', async () => {
    // A small limit makes lines span many 256 KB chunks of the stream.
    const limit = 600 * 1024;
    const exact = `"${'y'.repeat(limit - 2)}"`;
    const result = await lines(file(`${exact}\r\n${exact}\n${exact}y\r\n${exact}`), limit);
    expect(result.map((l) => ('text' in l ? l.text.length : l.error))).toEqual([
      limit, limit, expect.stringMatching(/^longer than 0\.6 MB \(0\.6 MB\)/), limit,
    ]);
  });

  it('reports bytes that are not UTF-8 with their offset, and a UTF-16 file as such', async () => {
    const latin1 = Buffer.concat([Buffer.from('{"q":"Angle '), Buffer.from([0xb0]), Buffer.from('"}\n{"ok":1}\n')]);
    expect(await lines(file(latin1))).toEqual([
      { lineNo: 1, error: 'not valid UTF-8 (byte offset 12 in the line); save the file as UTF-8' },
      { lineNo: 2, text: '{"ok":1}' },
    ]);
    const utf16 = Buffer.from('\uFEFF{"a":1}', 'utf16le');
    expect(await lines(file(utf16))).toEqual([{ lineNo: 1, error: expect.stringMatching(/^not valid UTF-8 \(byte offset 0 in the line\); the file looks like UTF-16/) }]);
  });

  it('keeps multi-byte characters split across stream chunks', async () => {
    const text = `{"q":"${'é'.repeat(300_000)}∑𝔸"}`;
    expect(await lines(file(`${text}\n`))).toEqual([{ lineNo: 1, text }]);
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    ['ASCII', [0x41, 0x42], 2],
    ['2-, 3- and 4-byte characters', [...Buffer.from('é∑𝔸')], 9],
    ['a stray continuation byte', [0x41, 0x80], 1],
    ['an overlong NUL (C0 80)', [0x41, 0xc0, 0x80], 1],
    ['an overlong 3-byte form (E0 80 80)', [0xe0, 0x80, 0x80], 0],
    ['a UTF-16 surrogate (ED A0 80)', [0x41, 0x41, 0xed, 0xa0, 0x80], 2],
    ['past U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80], 0],
    ['F5 and above', [0xf5, 0x80, 0x80, 0x80], 0],
    ['a character cut short', [0x41, 0xe2, 0x88], 1],
    ['Latin-1 text', [0x41, 0xb0, 0x43], 1],
  ])('%s', (_name, bytes, offset) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(offset);
  });
});
