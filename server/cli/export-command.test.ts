import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT_PROJECT, seedExportProject } from '../services/export/export-test-project';
import { runCommand, useCommandEnvironment } from '../test/run-command';
import { useTestDatabase } from '../test/hooks';
import { registerExportCommand } from './export-command';
import { UsageError } from './output';

const test = useTestDatabase();
const scratch = mkdtempSync(join(tmpdir(), 'redline-export-cli-'));
useCommandEnvironment();
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let seeded: Promise<void> | undefined;

/** Runs `redline export …` against the test database; returns what went to stdout. */
async function run(args: string[]): Promise<string> {
  seeded ??= seedExportProject(test.db);
  await seeded;
  return runCommand(test.url, registerExportCommand, ['export', ...args]);
}

const base = (out: string, format = 'sharegpt') => ['--project', EXPORT_PROJECT, '--format', format, '--out', join(scratch, out)];

describe('redline export', () => {
  it('prints exactly one JSON summary with --json', async () => {
    const stdout = await run([...base('json'), '--kind', 'sft', '--val-fraction', '0.3', '--seed', 'test', '--json']);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ kind: 'sft', records: { total: 23 }, leftOut: { unresolved: 1 } });
  });

  it('prints a readable summary otherwise', async () => {
    // With the ORM in the policy, none-a (ORM: WRONG) is reflected on; few-a (ORM: CORRECT) is its target.
    const stdout = await run([...base('human'), '--kind', 'reflection', '--policy', 'gold,consensus,orm']);
    expect(stdout).toMatch(/^Exported 3 reflection records \(train \d+, val \d+\)/);
    expect(stdout).toContain('no_correction 1');
  });

  it('reads a reflection template file', async () => {
    const template = join(scratch, 'template.txt');
    writeFileSync(template, 'Problem: {question}\nAttempt:\n{solution}\nWrong at {error_step}.\n');
    await run([...base('template'), '--kind', 'reflection', '--reflection-template', template, '--json']);
    expect(readdirSync(join(scratch, 'template'))).toContain('train.jsonl');
  });

  it('takes repeatable and comma-list filters and preference options', async () => {
    const out = await run([...base('filtered', 'trl'), '--kind', 'preference', '--round', '1', '--round', '2,0', '--model', 'm', '--max-pairs-per-problem', '1', '--json']);
    expect(JSON.parse(out)).toMatchObject({ kind: 'preference', format: 'trl', records: { total: 1 } });
    const manifest = JSON.parse(readFileSync(join(scratch, 'filtered', 'manifest.json'), 'utf8'));
    expect(manifest.filters).toMatchObject({ rounds: [0, 1, 2], models: ['m'] });
  });

  it.each([
    [['--kind', 'kto'], /kind "kto" is not supported yet/],
    [['--kind', 'sft', '--round', '1,x'], /--round needs whole numbers/],
    [['--kind', 'sft', '--format', 'csv'], /format "csv" is not supported yet/],
    [['--kind', 'sft', '--images', 'inline'], /--images inline is not supported for sharegpt/],
    [['--kind', 'prm', '--neutral', 'maybe'], /--neutral must be true, false or drop/],
    [['--kind', 'sft', '--val-fraction', 'lots'], /--val-fraction needs a number/],
    [['--kind', 'sft', '--policy', 'gold,vibes'], /unknown merge policy source "vibes"/],
    [['--kind', 'reflection', '--reflection-template', '/nonexistent/template'], /cannot read the reflection template/],
  ])('refuses %j as bad usage', async (args, message) => {
    // Commander keeps the last value of a repeated option, so a case may override --format.
    const error = await run([...base('bad'), ...args]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
  });
});
