import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedJudgeProject } from '../services/judge/judge-test-project';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../test/fake-openai-server';
import { useTestDatabase } from '../test/hooks';
import { runCommand, useCommandEnvironment } from '../test/run-command';
import { registerJudgeCommand } from './judge-command';
import { UsageError } from './output';

/** `redline judge` in-process against the fake OpenAI-compatible server. */
const test = useTestDatabase();
useCommandEnvironment();
const scratch = mkdtempSync(join(tmpdir(), 'redline-judge-cli-'));
let fake: FakeOpenAiServer;

beforeAll(async () => {
  fake = await startFakeOpenAiServer();
});
afterAll(async () => {
  await fake?.close();
  rmSync(scratch, { recursive: true, force: true });
  delete process.env.JUDGE_TEST_KEY;
});

const run = (args: string[]) => runCommand(test.url, registerJudgeCommand, ['judge', ...args]);

describe('redline judge', () => {
  it('prints one JSON summary with --json, sends the key named by --api-key-env and the --prompt-file template', async () => {
    await seedJudgeProject(test.db, 'cli-judge', ['wrong-json', 'malformed', 'correct-json']);
    process.env.JUDGE_TEST_KEY = 'sk-from-env';
    const promptFile = join(scratch, 'prompt.txt');
    writeFileSync(promptFile, 'CLI prompt\n{{question}}\n{{steps}}\nfinal: {{final_answer}}');
    const stdout = await run(['--project', 'cli-judge', '--endpoint', fake.endpoint, '--model', 'cli-orm', '--concurrency', '2',
      '--api-key-env', 'JUDGE_TEST_KEY', '--prompt-file', promptFile, '--json']);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      project: 'cli-judge', model: 'cli-orm', sent: 3, stored: 2, unparseable: 1, failed: 0, skippedAlreadyJudged: 0,
      unparseableReplies: [{ solution: 's-malformed-1', reason: 'no JSON object found in the reply' }],
    });
    const sent = fake.requests.filter((r) => r.model === 'cli-orm');
    expect(sent.every((r) => r.authorization === 'Bearer sk-from-env' && r.text.startsWith('CLI prompt\n') && r.text.endsWith('final: 50'))).toBe(true);

    // Resumable, and readable without --json.
    const again = await run(['--project', 'cli-judge', '--endpoint', fake.endpoint, '--model', 'cli-orm']);
    expect(again).toContain('Judged cli-judge with cli-orm: sent 1 of 1; stored 0, unparseable 1, failed 0; 2 already judged by this model');
    expect(again).toContain('unparseable s-malformed-1: no JSON object found in the reply');
    expect(again).toContain('Run the same command again to send only what is still missing.');
  });

  it('is bad usage (exit 2) for a non-http endpoint, a key on the command line, a bad prompt file', async () => {
    const args = ['--project', 'cli-judge', '--model', 'm'];
    await expect(run([...args, '--endpoint', 'file:///etc/passwd'])).rejects.toThrow(UsageError);
    await expect(run([...args, '--endpoint', fake.endpoint, '--api-key-env', 'sk-abc-123'])).rejects.toThrow(/NAME of an environment variable/);
    await expect(run([...args, '--endpoint', fake.endpoint, '--api-key-env', 'NOT_SET_ANYWHERE_42'])).rejects.toThrow(/not set/);
    const bad = join(scratch, 'bad.txt');
    writeFileSync(bad, 'Judge {{solutoin}}');
    await expect(run([...args, '--endpoint', fake.endpoint, '--prompt-file', bad])).rejects.toThrow(/bad\.txt: the prompt template must contain \{\{question\}\}/);
    await expect(run(['--project', 'nope', '--model', 'm', '--endpoint', fake.endpoint])).rejects.toThrow(/no project/);
  });
});
