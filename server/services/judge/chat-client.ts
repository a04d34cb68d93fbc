import type { ChatRequestBody } from '../../domain/judge/request-builder';
import { replyText } from '../../domain/judge/request-builder';
import { decideRetry, type AttemptOutcome, type RetryPolicy } from '../../domain/judge/retry-policy';

/**
 * Sends one chat-completions request with the global fetch, retrying per the retry policy.
 * Each attempt has its own timeout; `stop` ends the waiting between attempts (no new attempt
 * starts once a run is stopping), `abort` also cuts an attempt in flight.
 */
export interface ChatTarget {
  /** The full URL: base endpoint + /chat/completions. */
  url: string;
  apiKey?: string | undefined;
  timeoutMs: number;
  retry: RetryPolicy;
}

export type ChatOutcome =
  /** The server answered 2xx; `text` is the assistant's reply, or null with `reason` when the body was not one. */
  | { kind: 'reply'; text: string; attempts: number }
  | { kind: 'bad-response'; reason: string; body: string; attempts: number }
  | { kind: 'failed'; reason: string; attempts: number };

export interface ChatSignals {
  stop?: AbortSignal;
  abort?: AbortSignal;
  /** [0, 1) for the backoff's jitter; Math.random by default. */
  random?: () => number;
}

export async function sendChat(target: ChatTarget, body: ChatRequestBody, signals: ChatSignals = {}): Promise<ChatOutcome> {
  const payload = JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (target.apiKey) headers.authorization = `Bearer ${target.apiKey}`;
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptOnce(target, headers, payload, signals.abort);
    if (outcome.kind === 'answer') {
      const read = readAnswer(outcome.body);
      return read.ok ? { kind: 'reply', text: read.text, attempts: attempt } : { kind: 'bad-response', reason: read.reason, body: outcome.body, attempts: attempt };
    }
    const decision = decideRetry(outcome.outcome, attempt, target.retry, signals.random);
    const what = describe(outcome.outcome);
    if (!decision.retry) {
      return { kind: 'failed', reason: decision.reason.startsWith('gave up') ? `${what}; ${decision.reason}` : what, attempts: attempt };
    }
    if (signals.stop?.aborted || !(await wait(decision.delayMs, signals.stop))) {
      return { kind: 'failed', reason: `${what}; the run was stopped before retrying`, attempts: attempt };
    }
  }
}

type Attempt = { kind: 'answer'; body: string } | { kind: 'retryable'; outcome: AttemptOutcome };

async function attemptOnce(target: ChatTarget, headers: Record<string, string>, payload: string, abort: AbortSignal | undefined): Promise<Attempt> {
  const timeout = AbortSignal.timeout(target.timeoutMs);
  const signal = abort ? AbortSignal.any([timeout, abort]) : timeout;
  try {
    const response = await fetch(target.url, { method: 'POST', headers, body: payload, signal });
    const body = await response.text();
    if (response.ok) return { kind: 'answer', body };
    return { kind: 'retryable', outcome: { kind: 'status', status: response.status, retryAfter: response.headers.get('retry-after'), detail: body.slice(0, 200) } };
  } catch (error) {
    const message = timeout.aborted
      ? `no answer within ${target.timeoutMs / 1000} s`
      : abort?.aborted
        ? 'aborted'
        : networkMessage(error);
    return { kind: 'retryable', outcome: { kind: 'network', message } };
  }
}

function readAnswer(body: string): { ok: true; text: string } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'the endpoint answered 2xx with a body that is not JSON' };
  }
  return replyText(json);
}

function describe(outcome: AttemptOutcome): string {
  if (outcome.kind === 'network') return outcome.message;
  const detail = outcome.detail?.replace(/\s+/g, ' ').trim();
  return `HTTP ${outcome.status}${detail ? `: ${detail}` : ''}`;
}

function networkMessage(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return `network error ${cause.code}${cause.message ? ` (${cause.message})` : ''}`;
  return `network error: ${error instanceof Error ? error.message : String(error)}`;
}

/** Resolves true after `ms`, or false as soon as `stop` fires. */
function wait(ms: number, stop: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    const onStop = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      stop?.removeEventListener('abort', onStop);
      resolve(true);
    }, ms);
    stop?.addEventListener('abort', onStop, { once: true });
  });
}
