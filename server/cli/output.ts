import { SingleBar } from 'cli-progress';

/**
 * How a command talks to the terminal: `--json` prints exactly one JSON document on stdout and
 * nothing else there; otherwise people get a progress bar (on a TTY) and a readable summary.
 */
export interface Output {
  json: boolean;
  /** Human text on stdout (suppressed under --json). */
  say(text: string): void;
  /** Warnings and errors on stderr, always. */
  warn(text: string): void;
  result(summary: unknown): void;
  progress(total: number, label: string): { update(done: number): void; stop(): void };
}

export function createOutput(json: boolean): Output {
  return {
    json,
    say: (text) => {
      if (!json) process.stdout.write(`${text}\n`);
    },
    warn: (text) => process.stderr.write(`${text}\n`),
    result: (summary) => {
      if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    },
    progress(total, label) {
      if (json || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
      const bar = new SingleBar({
        format: `${label} [{bar}] {percentage}% | {value}/{total}`,
        stream: process.stderr,
        hideCursor: true,
      });
      bar.start(total, 0);
      return { update: (done) => bar.update(done), stop: () => bar.stop() };
    },
  };
}

/** Bad usage exits 2, failures 1 (SPEC §7). */
export class UsageError extends Error {}
