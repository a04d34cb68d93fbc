import { ORM_RUN_DEFAULT_CONCURRENCY } from '../../../shared/schemas/judge';
import { checkPromptTemplate, DEFAULT_PROMPT_TEMPLATE } from '../../domain/judge/prompt-template';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../domain/judge/retry-policy';
import { AppError } from '../../errors';

/** What a judge run is asked to do, as the command line and the HTTP route give it. */
export interface JudgeOptions {
  endpoint: string;
  model: string;
  concurrency?: number;
  round?: number | null;
  maxRetries?: number;
  timeoutSeconds?: number;
  promptTemplate?: string | null;
  apiKey?: string | undefined;
  limit?: number | null;
  /** Backoff's first ceiling, ms (tests shorten it). */
  retryBaseDelayMs?: number;
}

export interface JudgeSettings {
  /** The base URL as given, for reports. */
  endpoint: string;
  /** Where requests go: the base + /chat/completions. */
  url: string;
  model: string;
  concurrency: number;
  round: number | null;
  timeoutMs: number;
  retry: RetryPolicy;
  promptTemplate: string;
  customPrompt: boolean;
  apiKey: string | undefined;
  limit: number | null;
}

export const DEFAULT_TIMEOUT_SECONDS = 120;
export const MAX_CONCURRENCY = 64;

/** Checks options; anything wrong is VALIDATION_FAILED naming the option (exit 2 on the command line). */
export function resolveJudgeSettings(options: JudgeOptions): JudgeSettings {
  const bad = (message: string): never => {
    throw new AppError('VALIDATION_FAILED', message);
  };
  const url = chatCompletionsUrl(options.endpoint);
  const model = options.model.trim();
  if (model === '') bad('--model needs the model name the endpoint serves');
  const concurrency = options.concurrency ?? ORM_RUN_DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) bad(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, got ${concurrency}`);
  const maxRetries = options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries;
  if (!Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > 20) bad(`--max-retries must be a whole number from 0 to 20, got ${maxRetries}`);
  const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 3600) bad(`--timeout-seconds must be a number of seconds above 0 and at most 3600, got ${timeoutSeconds}`);
  const round = options.round ?? null;
  if (round !== null && (!Number.isInteger(round) || round < 0)) bad(`--round must be a whole number ≥ 0, got ${round}`);
  const limit = options.limit ?? null;
  if (limit !== null && (!Number.isInteger(limit) || limit < 1)) bad(`--limit must be a whole number ≥ 1, got ${limit}`);
  const custom = options.promptTemplate !== undefined && options.promptTemplate !== null && options.promptTemplate.trim() !== '';
  const promptTemplate = custom ? (options.promptTemplate as string) : DEFAULT_PROMPT_TEMPLATE;
  const problems = checkPromptTemplate(promptTemplate);
  if (problems.length > 0) bad(problems.join('; '));
  return {
    endpoint: options.endpoint.trim(),
    url,
    model,
    concurrency,
    round,
    timeoutMs: Math.round(timeoutSeconds * 1000),
    retry: { ...DEFAULT_RETRY_POLICY, maxRetries, baseDelayMs: options.retryBaseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs },
    promptTemplate,
    customPrompt: custom,
    apiKey: options.apiKey,
    limit,
  };
}

/** `http(s)://host/…/v1` → `…/v1/chat/completions` (a URL that already ends so is kept). */
export function chatCompletionsUrl(endpoint: string): string {
  const text = endpoint.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppError('VALIDATION_FAILED', `--endpoint must be an http:// or https:// URL such as http://127.0.0.1:8000/v1, got "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('VALIDATION_FAILED', `--endpoint must be an http:// or https:// URL such as http://127.0.0.1:8000/v1, got "${text}"`);
  }
  if (url.username || url.password) throw new AppError('VALIDATION_FAILED', '--endpoint must not carry credentials; use --api-key-env');
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path.endsWith('/chat/completions') ? path : `${path}/chat/completions`;
  return url.toString();
}
