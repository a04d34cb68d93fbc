import { describe, expect, it } from 'vitest';
import type { AnnotationDto } from '../../shared/schemas/api';
import { createAppStore } from './app-store';
import { emptyJudgment, isDirty } from './draft-slice';

const stored: AnnotationDto = {
  ...emptyJudgment(),
  verdict: 'incorrect',
  firstErrorStep: 2,
  errorAnalysis: 'Step 3 drops a sign.',
  status: 'draft',
  version: 4,
  timeSpentMs: 12_000,
  updatedAt: '2025-01-01T00:00:00Z',
  submittedAt: null,
};

describe('draft slice', () => {
  it('starts from the stored annotation, or empty with version 0', () => {
    const store = createAppStore();
    store.getState().startDraft(9, stored);
    const { draft } = store.getState();
    expect(draft).toMatchObject({ solutionId: 9, version: 4, storedStatus: 'draft', timeSpentMs: 12_000 });
    expect(draft.fields.firstErrorStep).toBe(2);
    expect(draft.fields).not.toHaveProperty('version');
    expect(isDirty(draft)).toBe(false);

    store.getState().startDraft(10, null);
    expect(store.getState().draft).toMatchObject({ solutionId: 10, version: 0, storedStatus: null, fields: emptyJudgment() });
  });

  it('clears the first wrong step on "correct" and sets "incorrect" when a step is marked', () => {
    const store = createAppStore();
    store.getState().startDraft(1, null);
    store.getState().markFirstWrongStep(3);
    expect(store.getState().draft.fields).toMatchObject({ verdict: 'incorrect', firstErrorStep: 3 });
    store.getState().setVerdict('correct');
    expect(store.getState().draft.fields).toMatchObject({ verdict: 'correct', firstErrorStep: null });
    expect(isDirty(store.getState().draft)).toBe(true);
  });

  it('drops stale submit problems on the next edit, but keeps a conflict', () => {
    const store = createAppStore();
    store.getState().startDraft(1, null);
    store.getState().saveInvalid(['Verdict is required']);
    store.getState().setVerdict('correct');
    expect(store.getState().draft.save).toEqual({ kind: 'idle' });
    store.getState().saveConflicted('draft', stored);
    store.getState().editDraft({ errorAnalysis: 'x' });
    expect(store.getState().draft.save.kind).toBe('conflict');
  });

  it('sets one flag without touching the other', () => {
    const store = createAppStore();
    store.getState().startDraft(1, null);
    store.getState().setFlag('unsure', true);
    store.getState().setFlag('badProblem', true);
    store.getState().setFlag('unsure', false);
    expect(store.getState().draft.fields.flags).toEqual({ unsure: false, badProblem: true });
  });

  it('stays dirty when the person edited while the save was running', () => {
    const store = createAppStore();
    store.getState().startDraft(1, null);
    store.getState().editDraft({ errorAnalysis: 'a' });
    const sent = store.getState().draft.revision;
    store.getState().saveStarted('draft');
    store.getState().editDraft({ errorAnalysis: 'ab' });
    store.getState().saveSucceeded({ ...stored, version: 1 }, sent);
    expect(store.getState().draft).toMatchObject({ version: 1, save: { kind: 'saved', status: 'draft' } });
    expect(isDirty(store.getState().draft)).toBe(true);
    expect(store.getState().draft.fields.errorAnalysis).toBe('ab');
  });

  it('keeps local edits on conflict until the person takes the server version', () => {
    const store = createAppStore();
    store.getState().startDraft(1, { ...stored, version: 1 });
    store.getState().editDraft({ errorAnalysis: 'mine' });
    store.getState().saveConflicted('submitted', stored);
    expect(store.getState().draft.fields.errorAnalysis).toBe('mine');
    expect(store.getState().draft.save).toMatchObject({ kind: 'conflict', attempted: 'submitted' });
    store.getState().adoptServerVersion();
    expect(store.getState().draft).toMatchObject({ version: 4, timeSpentMs: 12_000, save: { kind: 'idle' } });
    expect(store.getState().draft.fields.errorAnalysis).toBe('Step 3 drops a sign.');
    expect(isDirty(store.getState().draft)).toBe(false);
  });
});

describe('session slice', () => {
  it('remembers the demo flag after signing out', () => {
    const store = createAppStore();
    expect(store.getState().session.status).toBe('unknown');
    store.getState().signedIn({ user: { id: 1, name: 'annotator1', role: 'annotator' }, csrfToken: 't', demo: true });
    store.getState().signedOut();
    expect(store.getState().session).toEqual({ status: 'signed-out', me: null, demo: true });
  });
});

describe('undo and redo', () => {
  it('undoes form and region edits together, in order, and redoes them', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().startDraft(1, null);
    s().setVerdict('incorrect');
    s().addRegion({ id: 'r1', imageSha256: 'a'.repeat(64), kind: 'box', points: [[0.1, 0.1], [0.5, 0.5]], stepIndex: 1 });
    s().markFirstWrongStep(1);
    expect(s().draft.fields).toMatchObject({ verdict: 'incorrect', firstErrorStep: 1, regions: [{ id: 'r1' }] });
    s().undo();
    expect(s().draft.fields).toMatchObject({ firstErrorStep: null, regions: [{ id: 'r1' }] });
    s().undo();
    expect(s().draft.fields.regions).toEqual([]);
    s().redo();
    expect(s().draft.fields.regions).toHaveLength(1);
    s().undo();
    s().undo();
    expect(s().draft.fields).toEqual(emptyJudgment());
    s().undo();
    expect(s().draft.fields).toEqual(emptyJudgment());
  });

  it('merges rapid typing in one field into one undo step, and a new edit clears redo', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().startDraft(1, null);
    for (const text of ['T', 'Th', 'The', 'The s', 'The sum']) s().editDraft({ errorAnalysis: text }, 'errorAnalysis');
    s().undo();
    expect(s().draft.fields.errorAnalysis).toBe('');
    s().redo();
    expect(s().draft.fields.errorAnalysis).toBe('The sum');
    s().undo();
    s().setVerdict('correct');
    s().redo();
    expect(s().draft.fields).toMatchObject({ verdict: 'correct', errorAnalysis: '' });
  });

  it('rates steps one at a time, starting from all unrated', () => {
    const store = createAppStore();
    store.getState().startDraft(1, null);
    store.getState().setStepRating(1, -1, 3);
    store.getState().setStepRating(0, 1, 3);
    expect(store.getState().draft.fields.stepRatings).toEqual([1, -1, null]);
  });
});
