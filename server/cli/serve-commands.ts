import type { Command } from 'commander';
import { DEMO_AUDIT_PROJECT, DEMO_PASSWORD, DEMO_PROJECT, DEMO_USERS } from '../../shared/constants';
import { readConfig } from '../config';
import { openDatabase } from '../db/connection';
import { startServer } from '../main';
import { hasAnyProject, isDemoLoaded, loadDemo } from '../services/demo';
import { ensureClientBuilt } from './client-build';
import { parsePort } from './parse';

/** `redline serve` and `redline start` (what `npm start` runs: migrate, demo, build, serve). */
export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('serve the API and the built client')
    .option('--port <port>', 'port (env PORT, default 3000)', parsePort)
    .option('--host <host>', 'host (env HOST, default 127.0.0.1)')
    .action(async (opts: { port?: number; host?: string }) => {
      const config = readConfig(process.env, { ...(opts.port === undefined ? {} : { port: opts.port }), ...(opts.host ? { host: opts.host } : {}) });
      const server = await startServer(config);
      process.stdout.write(`Redline is serving ${server.db.description} at ${server.url}\n`);
    });

  program
    .command('start')
    .description('migrate, load the demo into an empty database, build the client if stale, serve')
    .action(async () => {
      const config = readConfig();
      const db = openDatabase(config.databaseUrl);
      await db.migrate();
      if (!(await hasAnyProject(db))) {
        process.stdout.write('Empty database: loading the demo project…\n');
        const { summary, audit } = await loadDemo(db);
        process.stdout.write(`Demo loaded: ${summary?.imported.solutions ?? 0} solutions of ${summary?.imported.problems ?? 0} problems in "${DEMO_PROJECT}"; `
          + `the same labelled by three reviewers (${audit?.imported.annotations ?? 0} labels) in "${DEMO_AUDIT_PROJECT}" for the Agreement and Review pages.\n`);
      }
      await ensureClientBuilt();
      const server = await startServer(config, { db, logger: false });
      process.stdout.write(`\nRedline is ready at ${server.url}  (${db.description})\n`);
      if (await isDemoLoaded(db)) {
        process.stdout.write(`Demo logins (password "${DEMO_PASSWORD}" — public, for trying Redline only):\n`);
        for (const user of DEMO_USERS) process.stdout.write(`  ${user.name.padEnd(12)} ${user.role}\n`);
      }
      process.stdout.write('Press Ctrl+C to stop.\n');
    });
}
