import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileStart, readRecordBatches, type RecordLayout } from './record-source';
import { removeTempDirs, tempDir } from './test-files';

afterAll(removeTempDirs);

function file(text: string | Buffer): string {
  const path = join(tempDir(), 'f');
  writeFileSync(path, text);
  return path;
}

async function records(path: string, layout: RecordLayout, batchSize = 2) {
  const out = [];
  for await (const batch of readRecordBatches(path, layout, batchSize)) out.push(batch.records);
  return out;
}

describe('readFileStart', () => {
  const object = { problem: { id: 'p' }, solution: { id: 's' } };
  it.each([
    ['a pretty-printed list (its inner lines do not matter)', '[\n  {"id": 1},\n  {"id": 2}\n]\n', { firstChar: '[', jsonList: true, firstObject: { id: 2 } }],
    ['a one-line list', '[{"id": 1}, {"id": 2}]', { firstChar: '[', jsonList: true, firstObject: undefined }],
    ['JSONL whose first line is an array', `[1, 2]\n${JSON.stringify(object)}\n`, { firstChar: '[', jsonList: false, firstObject: object }],
    ['JSONL after a BOM, blank lines and a broken line', `\uFEFF\n\n{oops\n${JSON.stringify(object)}\n`, { firstChar: '{', jsonList: false, firstObject: object }],
    ['an empty file', ' \n\n', { firstChar: null, jsonList: false, firstObject: undefined }],
  ])('%s', async (_what, text, expected) => {
    expect(await readFileStart(file(text))).toEqual(expected);
  });

  it('looks only at the first character of a line over 1 MB (a minified list is never held)', async () => {
    const big = JSON.stringify(Array.from({ length: 3000 }, (_, i) => ({ id: i, text: 'x'.repeat(500) })));
    expect(await readFileStart(file(big))).toEqual({ firstChar: '[', jsonList: true, firstObject: undefined });
  });
});

describe('readRecordBatches', () => {
  it('numbers JSONL records by line (blank lines counted) and list records by position', async () => {
    expect(await records(file('{"a":1}\n\n{"b":2}\n{"c":3}\n'), 'jsonl')).toEqual([
      [{ recordNo: 1, text: '{"a":1}' }, { recordNo: 3, text: '{"b":2}' }],
      [{ recordNo: 4, text: '{"c":3}' }],
    ]);
    expect(await records(file('[\n{"a":1},\n{"b":2},\n{"c":3}\n]'), 'json-list')).toEqual([
      [{ recordNo: 1, value: { a: 1 } }, { recordNo: 2, value: { b: 2 } }],
      [{ recordNo: 3, value: { c: 3 } }],
    ]);
  });

  it('ends a broken list with one bad record', async () => {
    const batches = await records(file('{"a":1}'), 'json-list');
    expect(batches.flat()).toEqual([{ recordNo: 1, error: expect.stringMatching(/^invalid JSON at or before this record: .*the rest of the file was not read$/) }]);
  });
});

describe('readRecordBatches: records over the limits', () => {
  it('a JSON-list record over 10 MB or nested over 64 levels is one bad record; the records after it are read', async () => {
    const big = JSON.stringify({ id: 2, text: 'x'.repeat(10.5 * 1024 * 1024) });
    const deep = `{"id":3,"tree":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const batches = await records(file(`[{"id":1},\n${big},\n${deep},\n{"id":4}, "five"]`), 'json-list', 10);
    expect(batches.flat()).toEqual([
      { recordNo: 1, value: { id: 1 } },
      { recordNo: 2, error: 'longer than 10 MB (10.5 MB); a record may hold at most 10 MB, so this one was skipped' },
      { recordNo: 3, error: 'nested more than 64 levels deep' },
      { recordNo: 4, value: { id: 4 } },
      { recordNo: 5, value: 'five' },
    ]);
  });

  it('a list of 64 levels (the list itself not counted) is read whole', async () => {
    const value = JSON.parse(`${'['.repeat(64)}1.5e3${']'.repeat(64)}`);
    const batches = await records(file(JSON.stringify([value, { a: 'é"\\n', b: [true, false, null] }])), 'json-list');
    expect(batches.flat()).toEqual([{ recordNo: 1, value }, { recordNo: 2, value: { a: 'é"\\n', b: [true, false, null] } }]);
  });

  it('JSONL lines that are too long or not UTF-8 are bad records', async () => {
    const path = file(Buffer.concat([Buffer.from('{"a":1}\n{"b":"'), Buffer.from([0xff]), Buffer.from('"}\n')]));
    expect((await records(path, 'jsonl')).flat()).toEqual([
      { recordNo: 1, text: '{"a":1}' },
      { recordNo: 2, error: 'not valid UTF-8 (byte offset 6 in the line); save the file as UTF-8' },
    ]);
  });
});

describe('readFileStart: a first line nested too deep', () => {
  it('is still one complete JSON line, so the file is JSONL, not a list', async () => {
    const text = `${'['.repeat(1000)}${']'.repeat(1000)}\n{"problem":{"id":"p"}}\n`;
    expect(await readFileStart(file(text))).toEqual({ firstChar: '[', jsonList: false, firstObject: { problem: { id: 'p' } } });
  });
});
