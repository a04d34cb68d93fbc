import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small fake OpenAI-compatible chat-completions server for tests of `redline judge`: real HTTP
 * on 127.0.0.1 (a free port). What it answers depends on a tag in the prompt text,
 * `fake-mode:NAME`, so each test solution picks its behaviour through its question:
 *   wrong-json     200, raw JSON: WRONG at "Step 2"
 *   correct-json   200, raw JSON: CORRECT
 *   fenced         200, ```json fence: WRONG at "Steps 3 and 1"
 *   prose          200, JSON inside prose: WRONG at "the second step"
 *   unclear        200, JSON: WRONG at "the conclusion" (names no step)
 *   malformed      200, text with a broken JSON object
 *   slow           answers only after `slowMs` (beyond the client's timeout)
 *   rate-limited   429 with Retry-After: 1 on the first attempt, then wrong-json
 *   flaky          500 on the first two attempts, then wrong-json
 *   bad-request    400 always (must not be retried)
 * Attempts are counted per distinct prompt. It counts requests in flight and remembers the most.
 */
export interface FakeOpenAiServer {
  /** The base URL to give `--endpoint`, ending in /v1. */
  endpoint: string;
  /** Every request body received, in arrival order. */
  requests: FakeRequest[];
  /** The most requests that were in flight at once. */
  maxInFlight: () => number;
  /** Attempts per mode so far. */
  attempts: (mode: string) => number;
  close(): Promise<void>;
}

export interface FakeRequest {
  mode: string;
  model: string;
  authorization: string | undefined;
  path: string;
  text: string;
  imageUrls: string[];
  temperature: unknown;
}

export interface FakeOptions {
  /** Every answer waits this long first (ms), so concurrent requests overlap. */
  delayMs?: number;
  slowMs?: number;
}

const JSON_WRONG = { status: 'WRONG', error_step: 'Step 2', error_analysis: 'The angle $\\angle B$ is misread from the figure.', improvement_suggestion: 'Use the alternate angles.' };

function replyFor(mode: string, attempt: number): { status: number; headers?: Record<string, string>; content?: string; body?: string } {
  switch (mode) {
    case 'correct-json':
      return { status: 200, content: JSON.stringify({ status: 'CORRECT', error_step: '', error_analysis: '', improvement_suggestion: '' }) };
    case 'fenced':
      return { status: 200, content: `Let me check.\n\`\`\`json\n${JSON.stringify({ ...JSON_WRONG, error_step: 'Steps 3 and 1' })}\n\`\`\`` };
    case 'prose':
      return { status: 200, content: `After careful review: ${JSON.stringify({ ...JSON_WRONG, status: 'wrong', error_step: 'the second step' })} Hope this helps.` };
    case 'unclear':
      return { status: 200, content: JSON.stringify({ ...JSON_WRONG, error_step: 'the conclusion' }) };
    case 'malformed':
      return { status: 200, content: 'The solution is wrong at step 2 because {status: WRONG, the angle' };
    case 'rate-limited':
      return attempt === 1 ? { status: 429, headers: { 'retry-after': '1' }, body: '{"error":{"message":"rate limited"}}' } : { status: 200, content: JSON.stringify(JSON_WRONG) };
    case 'flaky':
      return attempt <= 2 ? { status: 500, body: '{"error":{"message":"engine overloaded"}}' } : { status: 200, content: JSON.stringify(JSON_WRONG) };
    case 'bad-request':
      return { status: 400, body: '{"error":{"message":"image too large for this model"}}' };
    default:
      return { status: 200, content: JSON.stringify(JSON_WRONG) };
  }
}

export async function startFakeOpenAiServer(options: FakeOptions = {}): Promise<FakeOpenAiServer> {
  const requests: FakeRequest[] = [];
  const attemptsByPrompt = new Map<string, number>();
  const attemptsByMode = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let counted = true;
    const done = () => {
      if (counted) inFlight--;
      counted = false;
    };
    res.on('close', done);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { model: string; temperature: unknown; messages: Array<{ content: Array<{ type: string; text?: string; image_url?: { url: string } }> }> };
    const parts = body.messages.flatMap((m) => m.content);
    const text = parts.filter((p) => p.type === 'text').map((p) => p.text ?? '').join('');
    const mode = /fake-mode:([a-z-]+)/.exec(text)?.[1] ?? 'wrong-json';
    requests.push({ mode, model: body.model, authorization: req.headers.authorization, path: req.url, text, imageUrls: parts.filter((p) => p.type === 'image_url').map((p) => p.image_url?.url ?? ''), temperature: body.temperature });
    const attempt = (attemptsByPrompt.get(text) ?? 0) + 1;
    attemptsByPrompt.set(text, attempt);
    attemptsByMode.set(mode, (attemptsByMode.get(mode) ?? 0) + 1);

    await sleep(mode === 'slow' ? (options.slowMs ?? 5_000) : (options.delayMs ?? 0));
    if (res.destroyed) return;
    const reply = replyFor(mode, attempt);
    const payload = reply.content === undefined
      ? (reply.body ?? '')
      : JSON.stringify({
        id: `chatcmpl-${requests.length}`, object: 'chat.completion', created: 0, model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: 'stop' }],
      });
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(payload);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/v1`,
    requests,
    maxInFlight: () => maxInFlight,
    attempts: (mode) => attemptsByMode.get(mode) ?? 0,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
