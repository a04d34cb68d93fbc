import { Command } from 'commander';
import { afterAll, afterEach, vi } from 'vitest';

/**
 * Runs one `redline` command group in-process against `databaseUrl` and returns what it wrote
 * to stdout. The caller restores mocks (afterEach vi.restoreAllMocks) and DATABASE_URL.
 */
export async function runCommand(
  databaseUrl: string,
  register: (program: Command) => void,
  args: string[],
): Promise<string> {
  process.env.DATABASE_URL = databaseUrl;
  const program = new Command('redline').exitOverride();
  register(program);
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  await program.parseAsync(args, { from: 'user' });
  return stdout;
}

/**
 * For files that run commands in-process: restores DATABASE_URL after the file and the stdout
 * spy after each test.
 */
export function useCommandEnvironment(): void {
  const savedUrl = process.env.DATABASE_URL;
  afterAll(() => {
    if (savedUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = savedUrl;
  });
  afterEach(() => vi.restoreAllMocks());
}
