/** Process configuration from the environment (SPEC §7). Read once at start-up. */
export interface Config {
  databaseUrl: string | undefined;
  port: number;
  host: string;
  /** Set Secure on cookies: behind an https proxy. */
  secureCookies: boolean;
  /** Where the built client lives. */
  clientDir: string;
  /** REDLINE_ORM_API_KEY: the Bearer key for ORM runs started from the UI; never stored or returned. */
  ormApiKey?: string | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be 0..65535, got "${env.PORT}"`);
  return {
    databaseUrl: env.DATABASE_URL,
    port,
    host: env.HOST ?? '127.0.0.1',
    secureCookies: env.REDLINE_SECURE_COOKIES === 'true',
    clientDir: env.REDLINE_CLIENT_DIR ?? 'dist/client',
    ormApiKey: env.REDLINE_ORM_API_KEY || undefined,
    ...overrides,
  };
}
