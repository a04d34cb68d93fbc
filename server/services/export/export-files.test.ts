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
