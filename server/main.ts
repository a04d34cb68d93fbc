import { buildApp, type App } from './app';
import type { Config } from './config';
import { openDatabase, type Database } from './db/connection';

export interface RunningServer {
  app: App;
  db: Database;
  url: string;
  close(): Promise<void>;
}

/** Opens and migrates the database, builds the app and listens; closes both on SIGINT/SIGTERM. */
export async function startServer(config: Config, opts: { db?: Database; logger?: boolean } = {}): Promise<RunningServer> {
  const db = opts.db ?? openDatabase(config.databaseUrl);
  await db.migrate();
  const app = await buildApp({ db, config, logger: opts.logger ?? true });
  app.addHook('onClose', async () => db.close());
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= app.close());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void close().then(() => process.exit(0));
    });
  }
  return { app, db, url: `http://${host}:${port}`, close };
}
