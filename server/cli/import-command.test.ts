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

  it('imports a ProcessBench list, numbering bad records by position, and MathSE ORM judgments for its solutions', async () => {
    const dir = tempDir();
    const item = { id: 'pb-cli-1', generator: 'gen', problem: 'What is 2+2?', steps: ['2+2=5', 'So 5.'], final_answer_correct: false, label: 0 };
    writeFileSync(join(dir, 'pb.json'), JSON.stringify([item, { ...item, id: 'pb-cli-2', label: 5 }]));
    const text = await redline(['import', 'pb.json', '--project', 'cli-formats'], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('pb.json (processbench) → project cli-formats: 2 records; imported 1 problems, 1 solutions');
    expect(text.stdout).toContain('pb.json: record 2: label: 5 is beyond the item\'s 2 steps (0-based, -1 = no error)');

    writeJsonl(dir, 'orm.jsonl', [JSON.stringify({ solution_id: 'pb-cli-1', model: 'mathse-orm-v1', status: 'WRONG', error_step: 'Step 1', error_analysis: '2+2=4' })]);
    const json = await redline(['import', 'orm.jsonl', '--project', 'cli-formats', '--format', 'mathse-orm', '--json'], dir);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ imported: { ormJudgments: 1 }, files: [{ format: 'mathse-orm', numbering: 'line', badCount: 0 }] });
    const [judgment] = await test.db.orm.select().from(test.db.t.ormJudgments).where(eq(test.db.t.ormJudgments.model, 'mathse-orm-v1'));
    expect(judgment).toMatchObject({ errorStep: 'Step 1', errorStepIndex: 0, stepUnclear: false });
  }, 90_000);

  it('refuses an unknown format or an undetectable file (2) and missing files (1), storing nothing', async () => {
    const dir = tempDir();
    writeJsonl(dir, 'in.jsonl', [nativeLine('p-1', 's-1')]);
    writeJsonl(dir, 'odd.jsonl', [JSON.stringify({ foo: 1 })]);
    const format = await redline(['import', 'in.jsonl', '--project', 'cli-x', '--format', 'csv'], dir);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('unknown format "csv"; choose one of auto, redline, processbench, prm800k, mathse-orm');
    const odd = await redline(['import', 'in.jsonl', 'odd.jsonl', '--project', 'cli-x'], dir);
    expect(odd.code).toBe(2);
    expect(odd.stderr).toContain('odd.jsonl: cannot tell the format from the first line\'s keys (foo); name the format with --format');
    const missing = await redline(['import', 'in.jsonl', 'nope.jsonl', '--project', 'cli-x', '--json'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.jsonl: no such file');
    expect(missing.stdout).toBe('');
    expect(await test.db.orm.select().from(test.db.t.projects).where(eq(test.db.t.projects.name, 'cli-x'))).toEqual([]);
  }, 90_000);
});
