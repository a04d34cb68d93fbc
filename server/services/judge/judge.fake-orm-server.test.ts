import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../../test/fake-openai-server';
import { useTestDatabase } from '../../test/hooks';
import { seedJudgeProject, TEST_IMAGES } from './judge-test-project';
import { resolveJudgeSettings, type JudgeOptions } from './judge-settings';
import { runJudge } from './run-judge';

/**
 * `redline judge`'s service against a fake OpenAI-compatible server started here (real HTTP on
 * 127.0.0.1): well-formed, fenced, prose-wrapped, malformed, slow, rate-limited, flaky and
 * refused replies; stored judgments, the step index, the report, bounded concurrency,
 * resumability and image parts.
 */
const t = useTestDatabase();
let fake: FakeOpenAiServer;

const MODES = [
  'wrong-json', 'wrong-json', 'wrong-json', 'wrong-json', 'correct-json', 'fenced', 'prose', 'unclear',
  'malformed', 'slow', 'rate-limited', 'flaky', 'bad-request',
];

beforeAll(async () => {
  fake = await startFakeOpenAiServer({ delayMs: 60, slowMs: 2_000 });
});
afterAll(async () => fake?.close());

function settings(overrides: Partial<JudgeOptions> = {}) {
  return resolveJudgeSettings({
    endpoint: fake.endpoint, model: 'fake-orm', concurrency: 3, maxRetries: 2, timeoutSeconds: 0.5,
    retryBaseDelayMs: 10, apiKey: 'sk-test-123', ...overrides,
  });
}

async function judgments(solutionIds: Map<string, number>) {
  const o = t.db.t.ormJudgments;
  const rows = await t.db.orm.select().from(o).where(eq(o.model, 'fake-orm')).orderBy(asc(o.solutionId));
  const byId = new Map([...solutionIds].map(([ext, id]) => [id, ext]));
  return new Map(rows.filter((r) => byId.has(r.solutionId)).map((r) => [byId.get(r.solutionId)!, r]));
}

describe('runJudge against the fake ORM server', () => {
  it('stores parsed judgments, reports what it could not parse or send, stays within the concurrency, and resumes', async () => {
    const { projectId, solutionIds } = await seedJudgeProject(t.db, 'judge-main', MODES, { withImages: ['s-wrong-json-0'] });
    const before = fake.requests.length;
    const summary = await runJudge(t.db, projectId, settings());

    expect(summary).toMatchObject({ total: 13, sent: 13, stored: 10, unparseable: 1, failed: 2, skippedAlreadyJudged: 0, stopped: false });
    expect(fake.maxInFlight()).toBeLessThanOrEqual(3);
    expect(fake.maxInFlight()).toBe(3);

    const stored = await judgments(solutionIds);
    expect([...stored.keys()].sort()).toEqual([
      's-correct-json-4', 's-fenced-5', 's-flaky-11', 's-prose-6', 's-rate-limited-10', 's-unclear-7',
      's-wrong-json-0', 's-wrong-json-1', 's-wrong-json-2', 's-wrong-json-3',
    ]);
    expect(stored.get('s-wrong-json-0')).toMatchObject({
      status: 'WRONG', errorStep: 'Step 2', errorStepIndex: 1, stepUnclear: false,
      errorAnalysis: 'The angle $\\angle B$ is misread from the figure.', improvementSuggestion: 'Use the alternate angles.', score: null,
    });
    expect(stored.get('s-correct-json-4')).toMatchObject({ status: 'CORRECT', errorStep: null, errorStepIndex: null, stepUnclear: false });
    expect(stored.get('s-fenced-5')).toMatchObject({ status: 'WRONG', errorStep: 'Steps 3 and 1', errorStepIndex: 2 });
    expect(stored.get('s-prose-6')).toMatchObject({ status: 'WRONG', errorStep: 'the second step', errorStepIndex: 1 });
    expect(stored.get('s-unclear-7')).toMatchObject({ status: 'WRONG', errorStep: 'the conclusion', errorStepIndex: null, stepUnclear: true });
    expect(stored.get('s-rate-limited-10')).toMatchObject({ errorStepIndex: 1 });
    expect(stored.get('s-flaky-11')).toMatchObject({ errorStepIndex: 1 });

    expect(summary.unparseableReplies).toEqual([{
      solution: 's-malformed-8', reason: 'no JSON object found in the reply',
      reply: 'The solution is wrong at step 2 because {status: WRONG, the angle',
    }]);
    expect(summary.failures).toHaveLength(2);
    expect(summary.failures).toEqual(expect.arrayContaining([
      { solution: 's-slow-9', reason: 'no answer within 0.5 s; gave up after 3 attempts' },
      { solution: 's-bad-request-12', reason: 'HTTP 400: {"error":{"message":"image too large for this model"}}' },
    ]));

    // Retries: 429 once then success; 500 twice then success; the timeout 1 + 2 retries; 400 never retried.
    expect(fake.attempts('rate-limited')).toBe(2);
    expect(fake.attempts('flaky')).toBe(3);
    expect(fake.attempts('slow')).toBe(3);
    expect(fake.attempts('bad-request')).toBe(1);

    const sent = fake.requests.slice(before);
    expect(sent.every((r) => r.model === 'fake-orm' && r.temperature === 0 && r.authorization === 'Bearer sk-test-123' && r.path === '/v1/chat/completions')).toBe(true);
    const withImages = sent.find((r) => r.text.includes('#0'))!;
    expect(withImages.imageUrls).toEqual(TEST_IMAGES.map((i) => `data:image/jpeg;base64,${i.data.toString('base64')}`));
    expect(withImages.text).toContain('Step 1: Since $AB \\parallel CD$, $\\angle 1 = 40^\\circ$.\nStep 2: So $x = 50^\\circ$.\nStep 3: The answer is 50.');
    expect(sent.find((r) => r.text.includes('#1'))!.imageUrls).toEqual([]);

    // A second run sends only what is still missing: the malformed, slow and refused ones.
    const again = fake.requests.length;
    const second = await runJudge(t.db, projectId, settings({ maxRetries: 0 }));
    expect(second).toMatchObject({ total: 3, sent: 3, stored: 0, unparseable: 1, failed: 2, skippedAlreadyJudged: 10 });
    expect(fake.requests.slice(again).map((r) => r.mode).sort()).toEqual(['bad-request', 'malformed', 'slow']);
    expect((await judgments(solutionIds)).size).toBe(10);
  });

  it('judges one round only, and honours --limit', async () => {
    const { projectId, solutionIds } = await seedJudgeProject(t.db, 'judge-rounds', ['wrong-json', 'wrong-json', 'wrong-json', 'wrong-json'], { round: (i) => i % 2 });
    const first = await runJudge(t.db, projectId, settings({ round: 1, limit: 1 }));
    expect(first).toMatchObject({ total: 1, sent: 1, stored: 1 });
    const rest = await runJudge(t.db, projectId, settings({ round: 1 }));
    expect(rest).toMatchObject({ total: 1, sent: 1, stored: 1, skippedAlreadyJudged: 1 });
    expect([...(await judgments(solutionIds)).keys()].sort()).toEqual(['s-wrong-json-1', 's-wrong-json-3']);
  });

  it('stops sending when stopped, lets the requests in flight finish and stores them', async () => {
    const { projectId, solutionIds } = await seedJudgeProject(t.db, 'judge-stop', Array.from({ length: 8 }, () => 'wrong-json'));
    const stop = new AbortController();
    const before = fake.requests.length;
    const summary = await runJudge(t.db, projectId, settings({ concurrency: 2 }), {
      stop: stop.signal,
      // The first answer has arrived: two were sent, one is in flight; stop now.
      onProgress: (counts) => {
        if (counts.stored === 1) stop.abort();
      },
    });
    expect(summary).toMatchObject({ total: 8, stopped: true, stored: 2, failed: 0 });
    expect(summary.sent).toBe(2);
    expect(fake.requests.length - before).toBe(2);
    expect((await judgments(solutionIds)).size).toBe(2);
  });

  it('refuses bad settings with a message naming the option', () => {
    expect(() => settings({ endpoint: 'ftp://x/v1' })).toThrow('--endpoint must be an http:// or https:// URL such as http://127.0.0.1:8000/v1, got "ftp://x/v1"');
    expect(() => settings({ endpoint: 'localhost:8000' })).toThrow(/--endpoint must be an http/);
    expect(() => settings({ concurrency: 0 })).toThrow('--concurrency must be a whole number from 1 to 64, got 0');
    expect(() => settings({ promptTemplate: 'Judge {{solution}}' })).toThrow(/must contain \{\{question\}\}/);
    expect(settings({ endpoint: 'http://h:1/v1/' }).url).toBe('http://h:1/v1/chat/completions');
    expect(settings({ endpoint: 'https://h/v1/chat/completions' }).url).toBe('https://h/v1/chat/completions');
  });
});
