import { Option, type Command } from 'commander';
import { LABEL_MODES, type LabelMode } from '../../shared/constants';
import { addMembers, removeMembers } from '../services/members';
import { createProject } from '../services/projects';
import { UsageError } from './output';
import { parsePositiveInt } from './parse';
import { withDatabase } from './with-database';

export function registerProjectCommands(program: Command): void {
  const project = program.command('project').description('create and staff projects');
  project
    .command('create <name>')
    .description('create a project')
    .option('--overlap <k>', 'annotators per solution', parsePositiveInt, 1)
    .addOption(new Option('--mode <mode>', 'what annotators label').choices(LABEL_MODES).default('first-error'))
    .option('--lease-minutes <m>', 'how long a taken solution stays reserved', parsePositiveInt, 30)
    .action(async (name: string, opts: { overlap: number; mode: LabelMode; leaseMinutes: number }) => {
      await withDatabase(async (db) => {
        await createProject(db, name, { overlap: opts.overlap, mode: opts.mode, leaseMinutes: opts.leaseMinutes }, null);
        process.stdout.write(`Created project ${name} (overlap ${opts.overlap}, ${opts.mode}, leases of ${opts.leaseMinutes} min)\n`);
      });
    });
  project
    .command('members <name>')
    .description('add or remove project members')
    .option('--add <users...>', 'users to add')
    .option('--remove <users...>', 'users to remove')
    .action(async (name: string, opts: { add?: string[]; remove?: string[] }) => {
      if (!opts.add?.length && !opts.remove?.length) throw new UsageError('give --add USER… or --remove USER…');
      await withDatabase(async (db) => {
        if (opts.add?.length) await addMembers(db, name, opts.add, null);
        if (opts.remove?.length) await removeMembers(db, name, opts.remove, null);
        process.stdout.write(`Updated the members of ${name}\n`);
      });
    });
}
