import type { Command } from 'commander';
import { Option } from 'commander';
import { ROLES, type Role } from '../../shared/constants';
import { addUser, createApiToken } from '../services/users';
import { UsageError } from './output';
import { withDatabase } from './with-database';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('pipe the password on standard input, e.g. `printf %s "$PW" | redline users add NAME --role annotator`');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
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
    .command('token <name>')
    .description('print a new API token for the user (shown once; only its hash is kept)')
    .option('--label <label>', 'what the token is for', '')
    .action(async (name: string, opts: { label: string }) => {
      await withDatabase(async (db) => {
        process.stdout.write(`${await createApiToken(db, name, opts.label)}\n`);
      });
    });
}
