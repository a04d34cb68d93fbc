import { describe, expect, it } from 'vitest';
import { canonicalJson } from './digest';
import { parseNativeLine, type NativeRecord } from './native-line';
import { KnownState, planLine } from './plan-line';

function record(changes: { problem?: object; solution?: object; orm?: object[]; annotations?: object[] } = {}): NativeRecord {
  const line = {
    problem: { id: 'p-1', question: 'q', answer: '4', ...changes.problem },
    solution: { id: 's-1', model: 'm', round: 1, steps: ['a', 'b'], ...changes.solution },
    orm: changes.orm ?? [{ model: 'orm-v1', status: 'WRONG', error_step: 'Step 2' }],
    annotations: changes.annotations ?? [],
  };
  const parsed = parseNativeLine(JSON.stringify(line), 1, {});
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.record;
}

const SHA = 'a'.repeat(64);

describe('planLine', () => {
  it('adds everything the first time and nothing the second', () => {
    const known = new KnownState();
    expect(planLine(known, record(), [SHA])).toMatchObject({ ok: true, newProblem: true, newSolution: true, newOrm: [{ model: 'orm-v1' }] });
    expect(planLine(known, record(), [SHA])).toEqual({ ok: true, newProblem: false, newSolution: false, newOrm: [], newAnnotations: [] });
  });

  it('adds a judgment by a new ORM model to a known solution', () => {
    const known = new KnownState();
    planLine(known, record(), []);
    const plan = planLine(known, record({ orm: [{ model: 'orm-v1', status: 'WRONG', error_step: 'Step 2' }, { model: 'orm-v2', status: 'CORRECT' }] }), []);
    expect(plan).toMatchObject({ ok: true, newProblem: false, newSolution: false, newOrm: [{ model: 'orm-v2' }] });
  });

  it('names every differing field of a conflict and leaves the state alone', () => {
    const known = new KnownState();
    planLine(known, record(), [SHA]);
    const before = [...known.problems.entries()];
    expect(planLine(known, record({ problem: { question: 'other', answer: '5' } }), [SHA]))
      .toEqual({ ok: false, reason: 'problem p-1 conflicts with the stored one (question and answer differ)' });
    expect(planLine(known, record(), ['b'.repeat(64)]))
      .toEqual({ ok: false, reason: 'problem p-1 conflicts with the stored one (images differ)' });
    expect(planLine(known, record({ solution: { round: 2 } }), [SHA]))
      .toEqual({ ok: false, reason: 'solution s-1 conflicts with the stored one (round differs)' });
    expect(planLine(known, record({ problem: { id: 'p-2' } }), [SHA]))
      .toEqual({ ok: false, reason: 'solution s-1 conflicts with the stored one (problem differs)' });
    expect(planLine(known, record({ orm: [{ model: 'orm-v1', status: 'WRONG', error_step: 'Step 1' }] }), [SHA]))
      .toEqual({ ok: false, reason: 'the ORM judgment of orm-v1 conflicts with the stored one (error_step differs)' });
    expect([...known.problems.entries()]).toEqual(before);
    expect(known.problems.has('p-2')).toBe(false);
  });

  it('compares annotations by annotator', () => {
    const known = new KnownState();
    const alice = { annotator: 'alice', verdict: 'incorrect', firstErrorStep: 1 };
    expect(planLine(known, record({ annotations: [alice] }), [])).toMatchObject({ ok: true, newAnnotations: [{ annotator: 'alice' }] });
    expect(planLine(known, record({ annotations: [alice] }), [])).toMatchObject({ ok: true, newAnnotations: [] });
    expect(planLine(known, record({ annotations: [{ ...alice, firstErrorStep: 0 }] }), []))
      .toEqual({ ok: false, reason: 'the annotation by alice conflicts with the stored one (firstErrorStep differs)' });
  });

  it('refuses regions on images the problem does not have', () => {
    const region = { id: 'r1', imageSha256: 'c'.repeat(64), kind: 'box', points: [[0.1, 0.2]] };
    const line = record({ annotations: [{ annotator: 'bob', verdict: 'correct', regions: [region] }] });
    expect(planLine(new KnownState(), line, [SHA]))
      .toEqual({ ok: false, reason: "annotations[0].regions[0].imageSha256 is not the sha256 of one of the problem's images" });
    expect(planLine(new KnownState(), line, ['c'.repeat(64)])).toMatchObject({ ok: true });
  });
});

describe('canonicalJson', () => {
  it('sorts keys, drops undefined and treats null and undefined alike', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: null }] })).toBe('{"a":[{"c":null}],"b":1}');
    expect(canonicalJson(undefined)).toBe(canonicalJson(null));
  });
});
