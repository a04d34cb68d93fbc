import { describe, expect, it } from 'vitest';
import { describeAudit, solutionTarget, totalsView } from './progress-text';

const totals = { solutions: 40, done: 10, inProgress: 6, remaining: 24, submittedAnnotations: 26, neededAnnotations: 80 };

describe('progress text', () => {
  it('splits the bar into done and in progress', () => {
    expect(totalsView(totals)).toEqual({
      donePercent: 25,
      inProgressPercent: 15,
      valueText: '10 of 40 solutions done (25%), 6 in progress, 24 remaining',
    });
    expect(totalsView({ ...totals, solutions: 0, done: 0, inProgress: 0, remaining: 0 })).toMatchObject({ donePercent: 0, valueText: 'No solutions yet' });
    // Inconsistent counts never overflow the bar.
    expect(totalsView({ ...totals, done: 39, inProgress: 5 }).inProgressPercent).toBeCloseTo(2.5);
  });

  it('describes audited actions in words', () => {
    expect(describeAudit({ actor: 'lead', action: 'member.add', targetType: 'user', targetId: 'ann' })).toBe('lead added ann to the project');
    expect(describeAudit({ actor: 'ann', action: 'queue.skip', targetType: 'solution', targetId: '4' })).toBe('ann skipped a solution');
    expect(describeAudit({ actor: null, action: 'import', targetType: 'file', targetId: '/tmp/x/round-2.jsonl' })).toBe('The command line imported round-2.jsonl');
    expect(describeAudit({ actor: 'admin', action: 'user.role', targetType: 'user', targetId: null })).toBe('admin changed the role of someone');
    expect(describeAudit({ actor: 'x', action: 'custom.thing', targetType: null, targetId: null })).toBe('x custom.thing');
  });

  it('links only to solutions', () => {
    expect(solutionTarget({ targetType: 'solution', targetId: '42' })).toBe(42);
    expect(solutionTarget({ targetType: 'user', targetId: '42' })).toBeNull();
    expect(solutionTarget({ targetType: 'solution', targetId: 'abc' })).toBeNull();
    expect(solutionTarget({ targetType: 'solution', targetId: null })).toBeNull();
  });
});
