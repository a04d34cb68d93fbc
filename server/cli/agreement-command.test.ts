import { describe, expect, it } from 'vitest';
import { AgreementReportSchema } from '../../shared/schemas/agreement';
import { AGREEMENT_PROJECT, seedAgreementProject } from '../services/agreement/agreement-test-project';
import { useTestDatabase } from '../test/hooks';
import { runCommand, useCommandEnvironment } from '../test/run-command';
import { registerAgreementCommand } from './agreement-command';
import { UsageError } from './output';

const test = useTestDatabase();
useCommandEnvironment();
let seeded: Promise<unknown> | undefined;

async function run(args: string[]): Promise<string> {
  seeded ??= seedAgreementProject(test.db);
  await seeded;
  return runCommand(test.url, registerAgreementCommand, ['agreement', ...args]);
}

describe('redline agreement', () => {
  it('--json prints exactly one report, the same document as the API', async () => {
    const stdout = await run(['--project', AGREEMENT_PROJECT, '--no-bootstrap', '--json']);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = AgreementReportSchema.parse(JSON.parse(lines[0] ?? ''));
    expect(report.filters).toMatchObject({ bootstrap: false, samples: 0 });
    expect(report.verdict.items).toBe(8);
    expect(report.verdict.fleissKappa.value).toBeCloseTo(1 / 3, 12);
    expect(report.verdict.krippendorffAlpha.ci95).toBeNull();
  });

  it('bootstraps by default, reproducibly for a --seed', async () => {
    const one = JSON.parse(await run(['--project', AGREEMENT_PROJECT, '--seed', '3', '--round', '0', '--json'])) as { verdict: { krippendorffAlpha: { ci95: unknown } }; filters: unknown };
    const two = JSON.parse(await run(['--project', AGREEMENT_PROJECT, '--seed', '3', '--round', '0', '--json'])) as typeof one;
    expect(one.filters).toMatchObject({ round: 0, bootstrap: true, seed: 3 });
    expect(one.verdict.krippendorffAlpha.ci95).not.toBeNull();
    expect(two.verdict).toEqual(one.verdict);
  });

  it('prints a readable summary without --json', async () => {
    const stdout = await run(['--project', AGREEMENT_PROJECT, '--no-bootstrap', '--annotator', 'bob']);
    expect(stdout).toContain('Agreement — project agr (annotator bob); no bootstrap');
    expect(stdout).toMatch(/Cohen's kappa ann × bob\s+0\.615 \(n=5\)/);
    expect(stdout).not.toContain('ann × cat');
    // Only bob’s solutions: P2 s2 I → s6 I, P3 s3 I → s7 C (P1 and P4 lack a round-1 solution of his).
    expect(stdout).toMatch(/0→1\s+2\s+0\s+0\s+1\s+1/);
  });

  it('bad options are bad usage (exit 2); an unknown project fails (exit 1)', async () => {
    await expect(run(['--project', AGREEMENT_PROJECT, '--round', 'one'])).rejects.toThrow(UsageError);
    await expect(run(['--project', AGREEMENT_PROJECT, '--seed', '-1'])).rejects.toThrow(/seed/);
    await expect(run(['--project', 'nope', '--json'])).rejects.toMatchObject({ code: 'PROJECT_NOT_FOUND' });
  });
});
