import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExportFolder, LineWriter } from './export-files';

const scratch = mkdtempSync(join(tmpdir(), 'redline-export-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('LineWriter', () => {
  it('writes far past the stream buffer and hashes exactly the bytes written', async () => {
    const file = join(scratch, 'many.jsonl');
    const writer = new LineWriter(file);
    for (let i = 0; i < 20_000; i += 1) await writer.writeLine(`{"n":${i},"text":"ünïcödé ${'x'.repeat(20)}"}`);
    const { bytes, sha256 } = await writer.close();
    const content = readFileSync(file);
    expect(writer.lines).toBe(20_000);
    expect(bytes).toBe(content.length);
    expect(sha256).toBe(createHash('sha256').update(content).digest('hex'));
  });

  it('writes long lines and multi-byte text across chunk boundaries byte for byte', async () => {
    const file = join(scratch, 'mixed.jsonl');
    const writer = new LineWriter(file);
    const lines: string[] = [];
    for (let i = 0; i < 3_000; i += 1) {
      // Mostly short lines, some far longer than a write, with 2-, 3- and 4-byte characters (and a lone surrogate).
      const line = i % 97 === 0 ? `${'é'.repeat(40_000)}${'€'.repeat(30_000)}` : i % 13 === 0 ? `${'𝑥'.repeat(900)}\ud800` : `{"n":${i},"t":"${'ä€'.repeat(i % 50)}"}`;
      lines.push(line);
      await writer.writeLine(line);
    }
    const { bytes, sha256 } = await writer.close();
    const expected = Buffer.from(lines.map((line) => `${line}\n`).join(''), 'utf8');
    const content = readFileSync(file);
    expect(content.equals(expected)).toBe(true);
    expect(bytes).toBe(expected.length);
    expect(sha256).toBe(createHash('sha256').update(expected).digest('hex'));
  });

  it('reports a failed stream instead of crashing', async () => {
    const writer = new LineWriter(join(scratch, 'missing-folder', 'x.jsonl'));
    await expect(writer.writeLine('a').then(() => writer.close())).rejects.toThrow(/ENOENT/);
  });
});

describe('ExportFolder', () => {
  it('publishes nothing until commit and nothing at all after discard', async () => {
    const folder = await ExportFolder.create(join(scratch, 'never'));
    await folder.writeWhole('a.txt', 'a');
    await folder.discard();
    expect(() => readFileSync(join(scratch, 'never', 'a.txt'))).toThrow();
    const kept = await ExportFolder.create(join(scratch, 'nested', 'kept'));
    await kept.writeWhole('a.txt', 'a');
    await kept.commit();
    expect(readFileSync(join(scratch, 'nested', 'kept', 'a.txt'), 'utf8')).toBe('a');
    expect(kept.files()).toEqual([{ path: 'a.txt', bytes: 1, sha256: createHash('sha256').update('a').digest('hex') }]);
  });

  it('refuses a file where the folder should be', async () => {
    writeFileSync(join(scratch, 'a-file'), 'x');
    await expect(ExportFolder.create(join(scratch, 'a-file'))).rejects.toThrow(/not a folder/);
  });
});
