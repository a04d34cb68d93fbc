import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../errors';
import { getProject } from '../services/projects';
import { DEFAULT_TIMEOUT_SECONDS, resolveJudgeSettings, type JudgeSettings } from '../services/judge/judge-settings';
import { runJudge, type JudgeSummary } from '../services/judge/run-judge';
import { createOutput, UsageError, type Output } from './output';
import { parseNonNegativeInt, parsePositiveInt } from './parse';
import { withDatabase } from './with-database';

interface JudgeFlags {
  project: string;
  endpoint: string;
  model: string;
  concurrency: number;
  round?: number;
  maxRetries: number;
  timeoutSeconds: string;
  promptFile?: string;
  apiKeyEnv?: string;
  limit?: number;
  json?: boolean;
}

/**
 * `redline judge` (issue 7): asks an OpenAI-compatible ORM endpoint to judge every solution of a
 * project (or one round) it has not judged yet, and stores the judgments. Exit codes: 0 done —
 * also when some replies were unparseable or some requests failed (they are counted and listed;
 * a re-run retries them); 1 failed; 2 bad usage. Ctrl-C stops sending and waits for the requests
 * in flight; a second Ctrl-C cuts them too.
 */
export function registerJudgeCommand(program: Command): void {
  program
    .command('judge')
    .description('send solutions without a judgment from MODEL to an OpenAI-compatible ORM endpoint and store its judgments')
    .requiredOption('--project <name>', 'project whose solutions to judge')
    .requiredOption('--endpoint <url>', 'base URL of the chat-completions API, e.g. http://127.0.0.1:8000/v1 (/chat/completions is appended)')
    .requiredOption('--model <name>', 'model name the endpoint serves; judgments are stored under this name')
    .option('--concurrency <n>', 'requests in flight at most', parsePositiveInt, 4)
    .option('--round <n>', 'only solutions of this round', parseNonNegativeInt)
    .option('--max-retries <n>', 'retries per request on 429, 5xx, network errors and timeouts', parseNonNegativeInt, 5)
    .option('--timeout-seconds <s>', 'give up on one attempt after this many seconds', String(DEFAULT_TIMEOUT_SECONDS))
    .option('--prompt-file <file>', 'prompt template file; placeholders {{question}} {{steps}} {{final_answer}} {{answer}}')
    .option('--api-key-env <var>', 'name of the environment variable holding the API key (sent as Bearer)')
    .option('--limit <n>', 'send at most this many solutions', parsePositiveInt)
    .option('--json', 'print one JSON summary on stdout and nothing else there')
    .action(async (flags: JudgeFlags) => {
      const out = createOutput(flags.json === true);
      const settings = await toSettings(flags);
      const stop = new AbortController();
      const abort = new AbortController();
      const onSigint = () => {
        if (!stop.signal.aborted) {
          out.warn('\nStopping: no new requests; waiting for those in flight (Ctrl-C again to cut them).');
          stop.abort();
        } else {
          abort.abort();
        }
      };
      process.on('SIGINT', onSigint);
      let bar: ReturnType<Output['progress']> | undefined;
      try {
        const summary = await withDatabase(async (db) => {
          const project = await getProject(db, flags.project);
          return runJudge(db, project.id, settings, {
            stop: stop.signal,
            abort: abort.signal,
            onProgress: (counts) => {
              bar ??= out.progress(counts.total, `judge ${settings.model}`);
              bar.update(counts.done);
            },
          });
        });
        bar?.stop();
        out.result(toJson(flags.project, summary));
        report(out, flags.project, summary);
      } finally {
        bar?.stop();
        process.off('SIGINT', onSigint);
      }
    });
}

async function toSettings(flags: JudgeFlags): Promise<JudgeSettings> {
  const timeoutSeconds = Number(flags.timeoutSeconds);
  if (flags.timeoutSeconds.trim() === '' || !Number.isFinite(timeoutSeconds)) throw new UsageError(`--timeout-seconds needs a number, got "${flags.timeoutSeconds}"`);
  let apiKey: string | undefined;
  if (flags.apiKeyEnv !== undefined) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(flags.apiKeyEnv)) throw new UsageError(`--api-key-env takes the NAME of an environment variable (not the key itself), got "${flags.apiKeyEnv.slice(0, 8)}…"`);
    apiKey = process.env[flags.apiKeyEnv];
    if (!apiKey) throw new UsageError(`--api-key-env ${flags.apiKeyEnv}: that environment variable is not set or is empty`);
  }
  let promptTemplate: string | undefined;
  if (flags.promptFile !== undefined) {
    const file = flags.promptFile;
    promptTemplate = await readFile(file, 'utf8').catch((error: Error) => {
      throw new UsageError(`cannot read the prompt file ${file}: ${error.message}`);
    });
    if (promptTemplate.trim() === '') throw new UsageError(`the prompt file ${file} is empty`);
  }
  try {
    return resolveJudgeSettings({
      endpoint: flags.endpoint, model: flags.model, concurrency: flags.concurrency, round: flags.round ?? null,
      maxRetries: flags.maxRetries, timeoutSeconds, promptTemplate, apiKey, limit: flags.limit ?? null,
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') {
      throw new UsageError(flags.promptFile && error.message.includes('prompt template') ? `${flags.promptFile}: ${error.message}` : error.message);
    }
    throw error;
  }
}

function toJson(project: string, s: JudgeSummary) {
  return {
    project, endpoint: s.endpoint, model: s.model, round: s.round, stopped: s.stopped, total: s.total,
    sent: s.sent, done: s.done, stored: s.stored, unparseable: s.unparseable, failed: s.failed, skippedAlreadyJudged: s.skippedAlreadyJudged,
    unparseableReplies: s.unparseableReplies, failures: s.failures,
  };
}

function report(out: Output, project: string, s: JudgeSummary): void {
  out.say(`${s.stopped ? 'Stopped' : 'Judged'} ${project} with ${s.model}: sent ${s.sent} of ${s.total}; stored ${s.stored}, unparseable ${s.unparseable}, failed ${s.failed}; `
    + `${s.skippedAlreadyJudged} already judged by this model`);
  for (const u of s.unparseableReplies) out.say(`  unparseable ${u.solution}: ${u.reason}\n    reply: ${JSON.stringify(u.reply)}`);
  if (s.unparseable > s.unparseableReplies.length) out.say(`  … and ${s.unparseable - s.unparseableReplies.length} more unparseable replies not listed`);
  for (const f of s.failures) out.say(`  failed ${f.solution}: ${f.reason}`);
  if (s.failed > s.failures.length) out.say(`  … and ${s.failed - s.failures.length} more failed requests not listed`);
  if (s.unparseable + s.failed > 0 || s.stopped) out.say('Run the same command again to send only what is still missing.');
}
