/** Process configuration from the environment (SPEC §7). Read once at start-up. */
export interface Config {
  databaseUrl: string | undefined;
  port: number;
  host: string;
  /** Set Secure on cookies: behind an https proxy. */
  secureCookies: boolean;
  /** Where the built client lives. */
  clientDir: string;
  /** Largest browser upload per request, in MB (REDLINE_UPLOAD_LIMIT_MB, default 512). */
  uploadLimitMb?: number;
  /** REDLINE_ORM_API_KEY: the Bearer key for ORM runs started from the UI; never stored or returned. */
  ormApiKey?: string | undefined;
  /**
   * REDLINE_TRUST_PROXY: whose X-Forwarded-For to believe. Unset/false: nobody (the socket address
   * is the client, so a client cannot spoof its way past the per-address sign-in limit); true:
   * every hop; a comma list: those proxy addresses/CIDRs only (Fastify's trustProxy).
   */
  trustProxy?: boolean | string[];
  /** The per-user and per-token limits (readLimits). */
  limits: Limits;
}

/** The per-user and per-token limits of SPEC §9. */
export interface Limits {
  /** REDLINE_TOKEN_RATE_PER_MINUTE: Bearer-token requests allowed per token per minute (default 600). */
  tokenRatePerMinute: number;
  /** REDLINE_MAX_CONCURRENT_EXPORTS: export downloads one user may have running at once (default 2). */
  maxConcurrentExports: number;
  /** REDLINE_MAX_CONCURRENT_IMPORTS: browser uploads one user may have importing at once (default 2). */
  maxConcurrentImports: number;
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
    uploadLimitMb: env.REDLINE_UPLOAD_LIMIT_MB === undefined ? undefined : Number(env.REDLINE_UPLOAD_LIMIT_MB),
    trustProxy: readTrustProxy(env),
    limits: readLimits(env),
    ...overrides,
  };
}

/** REDLINE_TRUST_PROXY as Fastify's trustProxy option (see Config.trustProxy). */
export function readTrustProxy(env: NodeJS.ProcessEnv): boolean | string[] {
  const raw = (env.REDLINE_TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  return raw.split(',').map((a) => a.trim()).filter((a) => a !== '');
}

/** The limits from the environment, checked at start-up (bad → an error naming the variable); `{}` gives the defaults. */
export function readLimits(env: NodeJS.ProcessEnv): Limits {
  return {
    tokenRatePerMinute: positiveInt(env, 'REDLINE_TOKEN_RATE_PER_MINUTE', 600),
    maxConcurrentExports: positiveInt(env, 'REDLINE_MAX_CONCURRENT_EXPORTS', 2),
    maxConcurrentImports: positiveInt(env, 'REDLINE_MAX_CONCURRENT_IMPORTS', 2),
  };
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, got "${raw}"`);
  return value;
}
