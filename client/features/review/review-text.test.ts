import { describe, expect, it } from 'vitest';
import { annotatorColour, ANNOTATOR_COLOURS, EMPTY_JUDGMENT, firstWrongMarks, judgmentOf, regionSvg, summariseJudgment } from './review-text';

describe('review helpers', () => {
  it('draws regions in the image\'s pixel space from normalised points', () => {
    expect(regionSvg({ kind: 'box', points: [[0.5, 0.5], [0.1, 0.2]] }, 200, 100)).toEqual({ tag: 'rect', x: 20, y: 20, width: 80, height: 30 });
    expect(regionSvg({ kind: 'polygon', points: [[0, 0], [1, 0], [0.5, 1]] }, 10, 20)).toEqual({ tag: 'polygon', points: '0,0 10,0 5,20' });
    expect(regionSvg({ kind: 'freehand', points: [[0, 0], [0.25, 0.5]] }, 100, 100)).toEqual({ tag: 'polyline', points: '0,0 25,50' });
    const arrow = regionSvg({ kind: 'arrow', points: [[0, 0.5], [1, 0.5]] }, 100, 100);
    expect(arrow.tag).toBe('path');
    expect(arrow.tag === 'path' && arrow.d.startsWith('M 0 50 L 100 50 M ')).toBe(true);
  });

  it('gives annotators distinct colours', () => {
    const colours = ANNOTATOR_COLOURS.map((_, i) => annotatorColour(i));
    expect(new Set(colours).size).toBe(ANNOTATOR_COLOURS.length);
    expect(annotatorColour(ANNOTATOR_COLOURS.length)).toBe(colours[0]);
  });

  it('summarises judgments and who marked which step first wrong', () => {
    expect(summariseJudgment({ ...EMPTY_JUDGMENT, verdict: 'incorrect', firstErrorStep: 2, errorType: 'calculation' })).toBe('Incorrect at step 3 · calculation');
    expect(summariseJudgment({ ...EMPTY_JUDGMENT, verdict: 'correct', flags: { badProblem: false, unsure: true } })).toBe('Correct · unsure');
    const marks = firstWrongMarks([
      { annotator: 'alice', verdict: 'incorrect', firstErrorStep: 1 },
      { annotator: 'bob', verdict: 'correct', firstErrorStep: null },
      { annotator: 'carol', verdict: 'incorrect', firstErrorStep: 1 },
    ]);
    expect([...marks]).toEqual([[1, ['alice', 'carol']]]);
  });

  it('copies a judgment so the form can edit it without touching the source', () => {
    const source = { ...EMPTY_JUDGMENT, regions: [{ id: 'r', imageSha256: 'a'.repeat(64), kind: 'box' as const, points: [[0, 0], [1, 1]] as [number, number][] }] };
    const copy = judgmentOf(source);
    copy.regions[0]!.points[0]![0] = 0.5;
    expect(source.regions[0]!.points[0]![0]).toBe(0);
  });
});
