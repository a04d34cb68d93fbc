import type { UnparseableReply } from '../../../shared/schemas/judge';
import type { Database } from '../../db/connection';
import { renderPrompt } from '../../domain/judge/prompt-template';
import { parseOrmReply, type ParsedJudgment } from '../../domain/judge/reply-parser';
import { buildChatRequest } from '../../domain/judge/request-builder';
import { parseErrorStep } from '../../domain/steps/parse-error-step';
import { sendChat, type ChatOutcome } from './chat-client';
import type { JudgeSettings } from './judge-settings';
import { countScope, pendingPages, type PendingSolution } from './pending-solutions';
import { Semaphore } from './semaphore';

/**
 * `redline judge` and UI-started ORM runs (issue 7): sends every solution of the project (or one
 * round) that has no judgment from the model to the chat-completions endpoint, at most
 * `concurrency` at a time, and stores each parsed reply as it arrives. Replies that cannot be
 * read are reported (solution, reason, the reply's first 500 characters), never stored.
 */
export interface JudgeCounts {
  /** Solutions this run set out to send. */
  total: number;
  sent: number;
  /** Sent and finished, whatever the outcome. */
  done: number;
  stored: number;
  unparseable: number;
  failed: number;
  /** In scope but already judged by this model (before the run, or by another run meanwhile). */
  skippedAlreadyJudged: number;
}

export interface JudgeSummary extends JudgeCounts {
  endpoint: string;
  model: string;
  round: number | null;
  /** The run was stopped (SIGINT, Stop) before it sent everything. */
  stopped: boolean;
  unparseableReplies: UnparseableReply[];
  failures: Array<{ solution: string; reason: string }>;
}

export interface JudgeHooks {
  /** Stop sending: no new request or retry starts; requests in flight finish and are stored. */
  stop?: AbortSignal;
  /** Also cut requests in flight. */
  abort?: AbortSignal;
  /** After every finished solution (callers throttle their own writes). */
  onProgress?: (counts: JudgeCounts, summary: JudgeSummary) => void;
  random?: () => number;
}

/** Kept in the report at most; the counts stay exact. */
export const MAX_LISTED = 500;
export const REPLY_EXCERPT_CHARS = 500;

export async function runJudge(db: Database, projectId: number, settings: JudgeSettings, hooks: JudgeHooks = {}): Promise<JudgeSummary> {
  const scope = { projectId, model: settings.model, round: settings.round };
  const { inScope, pending } = await countScope(db, scope);
  const total = settings.limit === null ? pending : Math.min(pending, settings.limit);
  const summary: JudgeSummary = {
    endpoint: settings.endpoint, model: settings.model, round: settings.round, stopped: false,
    total, sent: 0, done: 0, stored: 0, unparseable: 0, failed: 0, skippedAlreadyJudged: inScope - pending,
    unparseableReplies: [], failures: [],
  };
  const report = () => {
    const { total, sent, done, stored, unparseable, failed, skippedAlreadyJudged } = summary;
    hooks.onProgress?.({ total, sent, done, stored, unparseable, failed, skippedAlreadyJudged }, summary);
  };
  report();

  const slots = new Semaphore(settings.concurrency);
  const inFlight = new Set<Promise<void>>();
  const stopped = () => Boolean(hooks.stop?.aborted || hooks.abort?.aborted);
  // Pages a little larger than the number of slots keep every slot busy.
  const pageSize = Math.max(16, settings.concurrency * 2);
  outer: for await (const page of pendingPages(db, scope, pageSize)) {
    for (const item of page) {
      if (summary.sent >= total) break outer;
      await slots.acquire();
      if (stopped()) {
        slots.release();
        break outer;
      }
      summary.sent++;
      const task = judgeOne(db, settings, item, hooks)
        .then((outcome) => record(summary, item, outcome))
        .catch((error: unknown) => record(summary, item, { kind: 'failed', reason: error instanceof Error ? error.message : String(error) }))
        .finally(() => {
          slots.release();
          inFlight.delete(task);
          report();
        });
      inFlight.add(task);
    }
  }
  await Promise.all(inFlight);
  summary.stopped = stopped() && summary.sent < total;
  report();
  return summary;
}

type Outcome =
  | { kind: 'stored' }
  | { kind: 'already-judged' }
  | { kind: 'unparseable'; reason: string; reply: string }
  | { kind: 'failed'; reason: string };

async function judgeOne(db: Database, settings: JudgeSettings, item: PendingSolution, hooks: JudgeHooks): Promise<Outcome> {
  const prompt = renderPrompt(settings.promptTemplate, item);
  const body = buildChatRequest({ model: settings.model, prompt, images: item.images });
  const answer: ChatOutcome = await sendChat({ url: settings.url, apiKey: settings.apiKey, timeoutMs: settings.timeoutMs, retry: settings.retry }, body, hooks);
  if (answer.kind === 'failed') return { kind: 'failed', reason: answer.reason };
  if (answer.kind === 'bad-response') return { kind: 'unparseable', reason: answer.reason, reply: answer.body };
  const parsed = parseOrmReply(answer.text);
  if (!parsed.ok) return { kind: 'unparseable', reason: parsed.reason, reply: answer.text };
  return (await storeJudgment(db, item, settings.model, parsed.judgment)) ? { kind: 'stored' } : { kind: 'already-judged' };
}

/** One row per (solution, model): a judgment stored meanwhile by another run is kept. */
async function storeJudgment(db: Database, item: PendingSolution, model: string, judgment: ParsedJudgment): Promise<boolean> {
  const step = judgment.status === 'WRONG' ? parseErrorStep(judgment.errorStep, item.steps.length) : { index: null, unclear: false };
  const o = db.t.ormJudgments;
  const rows = await db.transaction((tx) =>
    tx.insert(o).values({
      solutionId: item.solutionId,
      model,
      status: judgment.status,
      errorStep: judgment.errorStep,
      errorStepIndex: step.index,
      stepUnclear: step.unclear,
      errorAnalysis: judgment.errorAnalysis,
      improvementSuggestion: judgment.improvementSuggestion,
      score: judgment.score,
    }).onConflictDoNothing({ target: [o.solutionId, o.model] }).returning({ id: o.id }),
  );
  return rows.length > 0;
}

function record(summary: JudgeSummary, item: PendingSolution, outcome: Outcome): void {
  summary.done++;
  switch (outcome.kind) {
    case 'stored':
      summary.stored++;
      break;
    case 'already-judged':
      summary.skippedAlreadyJudged++;
      break;
    case 'unparseable':
      summary.unparseable++;
      if (summary.unparseableReplies.length < MAX_LISTED) {
        summary.unparseableReplies.push({ solution: item.externalId, reason: outcome.reason, reply: outcome.reply.slice(0, REPLY_EXCERPT_CHARS) });
      }
      break;
    case 'failed':
      summary.failed++;
      if (summary.failures.length < MAX_LISTED) summary.failures.push({ solution: item.externalId, reason: outcome.reason });
      break;
  }
}
