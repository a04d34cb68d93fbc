import type { Command } from 'commander';
import { DEMO_AUDIT_PROJECT } from '../../shared/constants';
import { loadDemo } from '../services/demo';
import { withDatabase } from './with-database';

export function registerDatabaseCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply the committed migrations to the database named by DATABASE_URL')
    .action(async () => {
      await withDatabase(async (db) => {
        process.stdout.write(`Migrated ${db.description}\n`);
      });
    });

  program
    .command('demo')
    .description('load the bundled demo project and its users (password "redline": for trying Redline only)')
    .action(async () => {
      await withDatabase(async (db) => {
        const { created, summary, audit } = await loadDemo(db);
        const s = summary?.imported;
        process.stdout.write(
          created
            ? `Loaded the demo project: ${s?.problems ?? 0} problems, ${s?.solutions ?? 0} solutions, ${s?.images ?? 0} images; `
              + `and "${DEMO_AUDIT_PROJECT}", the same labelled by three reviewers (${audit?.imported.annotations ?? 0} labels).\n`
            : 'The demo project was already loaded; nothing changed.\n',
        );
      });
    });
}
