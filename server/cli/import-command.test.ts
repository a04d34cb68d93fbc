import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { makePng, nativeLine, tempDir, writeJsonl, removeTempDirs } from '../services/import/test-files';
import { useTestDatabase } from '../test/hooks';

const test = useTestDatabase();
const BIN = resolve(import.meta.dirname, '../../bin/redline.mjs');

/** Runs the real command line as a user would, against this file's test database. */
function redline(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, DATABASE_URL: test.url } }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

afterAll(removeTempDirs);

describe('redline import', () => {
  it('imports, prints one JSON summary and exits 0 despite bad lines', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.png'), makePng(2, 3));
    writeJsonl(dir, 'in.jsonl', [nativeLine('p-1', 's-1', { problem: { images: ['a.png'] } }), 'not json', nativeLine('p-1', 's-2', { problem: { images: ['a.png'] } })]);
    const { code, stdout } = await redline(['import', 'in.jsonl', '--project', 'cli-json', '--json', '--round', '3'], dir);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      project: 'cli-json', lines: 3, badCount: 1, committed: true,
      imported: { problems: 1, solutions: 2, ormJudgments: 2, images: 1 },
      files: [{ file: 'in.jsonl', bad: [{ line: 2, reason: expect.stringMatching(/^invalid JSON/) }] }],
    });
    const solutions = await test.db.orm.select().from(test.db.t.solutions).where(eq(test.db.t.solutions.externalId, 's-2'));
    expect(solutions.map((s) => s.round)).toEqual([3]);
  });

  it('with --strict stores nothing, lists the bad line and exits 1', async () => {
    const dir = tempDir();
    writeJsonl(dir, 'in.jsonl', [nativeLine('p-9', 's-9'), nativeLine('p-9', 's-10', { solution: { steps: 'x' } })]);
    const { code, stdout } = await redline(['import', 'in.jsonl', '--project', 'cli-strict', '--strict'], dir);
    expect(code).toBe(1);
    expect(stdout).toContain('in.jsonl:2: solution.steps: expected array, received string');
    expect(stdout).toContain('Nothing was stored');
    expect(await test.db.orm.select().from(test.db.t.solutions).where(eq(test.db.t.solutions.externalId, 's-9'))).toEqual([]);
  });

  it('refuses formats that are not there yet (2) and missing files (1)', async () => {
    const dir = tempDir();
    writeJsonl(dir, 'in.jsonl', [nativeLine('p-1', 's-1')]);
    const format = await redline(['import', 'in.jsonl', '--project', 'cli-x', '--format', 'processbench'], dir);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('format processbench is not supported yet (only the native redline format)');
    const missing = await redline(['import', 'in.jsonl', 'nope.jsonl', '--project', 'cli-x', '--json'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.jsonl: no such file');
    expect(missing.stdout).toBe('');
  });
});
