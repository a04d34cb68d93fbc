import type { Command } from 'commander';
import { Option } from 'commander';
import { ROLES, type Role } from '../../shared/constants';
import type { UserAdminDto } from '../../shared/schemas/admin';
import { listUsersForAdmin, updateUser } from '../services/user-admin';
import { addUser, createApiToken } from '../services/users';
import { createOutput, UsageError } from './output';
import { withDatabase } from './with-database';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('pipe the password on standard input, e.g. `printf %s "$PW" | redline users add NAME --role annotator`');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** A plain-text table: one line per user, columns padded to their widest cell. */
export function formatUserTable(users: UserAdminDto[]): string {
  const rows = [
    ['NAME', 'ROLE', 'STATUS', 'LAST SIGN-IN', 'PROJECTS'],
    ...users.map((u) => [
      u.name, u.role, u.disabled ? 'disabled' : u.imported ? 'imported' : 'active',
      u.lastSignInAt?.replace('T', ' ').slice(0, 16) ?? 'never', u.projects.join(',') || '-',
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}

export function registerUserCommands(program: Command): void {
  const users = program.command('users').description('manage accounts');
  users
    .command('add <name>')
    .description('add a user; the password is read from standard input')
    .addOption(new Option('--role <role>', 'the user\'s role').choices(ROLES).makeOptionMandatory())
    .action(async (name: string, opts: { role: Role }) => {
      const password = await readStdin();
      await withDatabase(async (db) => {
        const user = await addUser(db, { name, role: opts.role, password }, null);
        process.stdout.write(`Added ${user.name} (${user.role})\n`);
      });
    });
  users
    .command('list')
    .description('list every user with role, status, last sign-in and projects')
    .option('--json', 'print the users as one JSON document')
    .action(async (opts: { json?: boolean }) => {
      const output = createOutput(opts.json === true);
      const list = await withDatabase((db) => listUsersForAdmin(db));
      output.result({ users: list });
      output.say(list.length === 0 ? 'No users yet: add one with `redline users add NAME --role admin`.' : formatUserTable(list));
    });
  users
    .command('role <name>')
    .description('change a user\'s role (takes effect at their next request)')
    .addOption(new Option('--role <role>', 'the new role').choices(ROLES).makeOptionMandatory())
    .action(async (name: string, opts: { role: Role }) => {
      await withDatabase(async (db) => {
        const user = await updateUser(db, name, { role: opts.role }, null);
        process.stdout.write(`${user.name} is now ${user.role}\n`);
      });
    });
  users
    .command('disable <name>')
    .description('disable a user: their sessions end, their API tokens stop working, their leases are released')
    .action(async (name: string) => {
      await withDatabase(async (db) => {
        await updateUser(db, name, { disabled: true }, null);
        process.stdout.write(`Disabled ${name}\n`);
      });
    });
  users
    .command('enable <name>')
    .description('enable a disabled user again (their unrevoked API tokens work again)')
    .action(async (name: string) => {
      await withDatabase(async (db) => {
        await updateUser(db, name, { disabled: false }, null);
        process.stdout.write(`Enabled ${name}\n`);
      });
    });
  users
    .command('token <name>')
    .description('print a new API token for the user (shown once; only its hash is kept)')
    .option('--label <label>', 'what the token is for', '')
    .action(async (name: string, opts: { label: string }) => {
      await withDatabase(async (db) => {
        process.stdout.write(`${await createApiToken(db, name, opts.label)}\n`);
      });
    });
}
