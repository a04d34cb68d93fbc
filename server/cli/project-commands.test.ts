import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand, useCommandEnvironment } from '../test/run-command';
import { useTestDatabase } from '../test/hooks';
import { UsageError } from './output';
import { registerProjectCommands } from './project-commands';

const test = useTestDatabase();
const scratch = mkdtempSync(join(tmpdir(), 'redline-project-cli-'));
useCommandEnvironment();
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const run = (args: string[]) => runCommand(test.url, registerProjectCommands, ['project', ...args]);

const project = async (name: string) =>
  (await test.db.orm.select().from(test.db.t.projects).where(eq(test.db.t.projects.name, name)))[0];

describe('redline project', () => {
  it('creates a project with every setting, the guidelines read from a file', async () => {
    const guidelines = join(scratch, 'guide.md');
    writeFileSync(guidelines, '# Guidelines\n\nMark the first wrong step.\n');
    const out = await run(['create', 'cli-p', '--overlap', '3', '--mode', 'every-step', '--assignment', 'random', '--seed', '11',
      '--taxonomy', 'reasoning, calculation,other', '--guidelines', guidelines, '--lease-minutes', '20']);
    expect(out).toContain('Created project cli-p: overlap 3, every-step, random (seed 11), leases of 20 min');
    expect(await project('cli-p')).toMatchObject({
      overlap: 3, mode: 'every-step', assignment: 'random', leaseMinutes: 20, taxonomy: ['reasoning', 'calculation', 'other'],
      guidelines: '# Guidelines\n\nMark the first wrong step.\n', settings: { seed: 11 },
    });
  });

  it('creates with defaults when no option is given', async () => {
    await run(['create', 'cli-plain']);
    expect(await project('cli-plain')).toMatchObject({ overlap: 1, mode: 'first-error', assignment: 'ordered', leaseMinutes: 30, settings: {} });
  });

  it.each([
    [['create', 'bad name'], /project name "bad name"/],
    [['create', 'x1', '--taxonomy', 'Reasoning'], /taxonomy\.0: lowercase letters/],
    [['create', 'x2', '--taxonomy', 'a,a'], /error types must be unique/],
    [['create', 'x3', '--lease-minutes', '99999'], /leaseMinutes/],
    [['create', 'x4', '--guidelines', '/nonexistent/guide.md'], /cannot read the guidelines file/],
    [['set', 'cli-plain'], /give at least one setting/],
  ])('refuses %j as bad usage, storing nothing', async (args, message) => {
    const error = await run(args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    if (args[0] === 'create') expect(await project(args[1]!)).toBeUndefined();
    else expect(await project(args[1]!)).toMatchObject({ overlap: 1 });
  });

  it('changes only the settings given, and says what changed', async () => {
    expect(await run(['set', 'cli-plain', '--overlap', '2', '--seed', '5'])).toMatch(/^Updated project cli-plain \(overlap, seed\): overlap 2/);
    expect(await project('cli-plain')).toMatchObject({ overlap: 2, mode: 'first-error', settings: { seed: 5 } });
    expect(await run(['set', 'cli-plain', '--overlap', '2'])).toBe('Nothing changed in project cli-plain\n');
    await expect(run(['set', 'nope', '--overlap', '2'])).rejects.toThrow('no project named "nope"');
  });

  it('refuses an existing name', async () => {
    await expect(run(['create', 'cli-plain'])).rejects.toThrow('project "cli-plain" already exists');
  });
});
