import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCommand, useCommandEnvironment } from '../test/run-command';
import { useTestDatabase } from '../test/hooks';
import { seedProject, seedUser } from '../test/seed';
import { registerUserCommands } from './user-commands';

const test = useTestDatabase();
useCommandEnvironment();

beforeAll(async () => {
  await seedUser(test.db, 'ann');
  await seedUser(test.db, 'boss', 'admin');
  await seedProject(test.db, { name: 'cli-users', problems: 1, members: ['ann'] });
});

/** Runs `redline users …` in-process against the test database; returns what went to stdout. */
const run = (args: string[]) => runCommand(test.url, registerUserCommands, ['users', ...args]);

describe('redline users', () => {
  it('lists users as a table, or as one JSON document with --json', async () => {
    const table = (await run(['list'])).split('\n');
    expect(table[0]).toMatch(/^NAME\s+ROLE\s+STATUS\s+LAST SIGN-IN\s+PROJECTS$/);
    expect(table.find((l) => l.startsWith('ann'))).toMatch(/^ann\s+annotator\s+active\s+never\s+cli-users$/);
    const json = JSON.parse(await run(['list', '--json'])) as { users: { name: string; role: string }[] };
    expect(json.users.map((u) => [u.name, u.role])).toEqual([['ann', 'annotator'], ['boss', 'admin']]);
  });

  it('changes a role, audited with no actor', async () => {
    expect(await run(['role', 'ann', '--role', 'lead'])).toBe('ann is now lead\n');
    const [row] = await test.db.orm.select().from(test.db.t.auditLog).where(eq(test.db.t.auditLog.action, 'user.role'));
    expect(row).toMatchObject({ actorId: null, targetId: 'ann', details: { from: 'annotator', to: 'lead' } });
    await expect(run(['role', 'ann', '--role', 'boss'])).rejects.toThrow(/Allowed choices/);
  });

  it('disables and enables a user', async () => {
    expect(await run(['disable', 'ann'])).toBe('Disabled ann\n');
    expect(await run(['list'])).toMatch(/ann\s+lead\s+disabled/);
    await run(['enable', 'ann']);
    expect(JSON.parse(await run(['list', '--json'])).users[0].disabled).toBe(false);
    await expect(run(['disable', 'nobody'])).rejects.toThrow('no user named "nobody"');
  });
});
