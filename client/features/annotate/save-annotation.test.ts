import { describe, expect, it, vi } from 'vitest';
import type { AnnotationDto } from '../../../shared/schemas/api';
import { ApiError } from '../../api/api-error';
import { createAppStore } from '../../store/app-store';
import { emptyJudgment } from '../../store/draft-slice';
import { ActiveTimer } from './active-timer';
import { saveAnnotation, type Put } from './save-annotation';

const context = { stepCount: 3, taxonomy: ['calculation', 'other'] };
const stored = (over: Partial<AnnotationDto> = {}): AnnotationDto => ({
  ...emptyJudgment(), status: 'draft', version: 1, timeSpentMs: 1000,
  updatedAt: '2025-01-01T00:00:00Z', submittedAt: null, ...over,
});

function setup(annotation: AnnotationDto | null = null) {
  const store = createAppStore();
  store.getState().startDraft(5, annotation);
  let t = 0;
  const timer = new ActiveTimer(() => t);
  timer.resume();
  const advance = (ms: number) => (t += ms);
  return { store, timer, advance };
}

describe('saveAnnotation', () => {
  it('refuses to submit what checkSubmittable rejects, without calling the server', async () => {
    const { store, timer } = setup();
    const put = vi.fn<Put>();
    expect(await saveAnnotation(store, timer, { status: 'submitted', context }, put)).toBe(false);
    expect(put).not.toHaveBeenCalled();
    expect(store.getState().draft.save).toEqual({ kind: 'invalid', problems: ['Verdict is required'] });
  });

  it('saves a half-done draft with the version read and the time so far', async () => {
    const { store, timer, advance } = setup(stored());
    store.getState().editDraft({ errorAnalysis: 'half' });
    advance(2500);
    const put = vi.fn<Put>(async (_id, body) => ({ kind: 'saved', annotation: stored({ ...body, version: 2, timeSpentMs: body.timeSpentMs }) }));
    expect(await saveAnnotation(store, timer, { status: 'draft', context }, put)).toBe(true);
    expect(put).toHaveBeenCalledWith(5, expect.objectContaining({ status: 'draft', version: 1, timeSpentMs: 3500, errorAnalysis: 'half' }));
    expect(store.getState().draft).toMatchObject({ version: 2, timeSpentMs: 3500, save: { kind: 'saved', status: 'draft' } });
    expect(timer.elapsed()).toBe(0);
  });

  it('keeps local edits and the time on a conflict, then overwrites only when asked', async () => {
    const { store, timer, advance } = setup(stored());
    store.getState().setVerdict('correct');
    advance(1000);
    const current = stored({ version: 3, timeSpentMs: 5000, verdict: 'incorrect', firstErrorStep: 0 });
    const put = vi.fn<Put>(async () => ({ kind: 'conflict', current }));
    expect(await saveAnnotation(store, timer, { status: 'submitted', context }, put)).toBe(false);
    expect(store.getState().draft.save).toEqual({ kind: 'conflict', attempted: 'submitted', current });
    expect(store.getState().draft.fields.verdict).toBe('correct');
    expect(timer.elapsed()).toBe(1000);

    put.mockImplementation(async (_id, body) => ({ kind: 'saved', annotation: stored({ ...body, version: 4 }) }));
    expect(await saveAnnotation(store, timer, { status: 'submitted', context, overwrite: true }, put)).toBe(true);
    expect(put).toHaveBeenLastCalledWith(5, expect.objectContaining({ version: 3, timeSpentMs: 6000, verdict: 'correct', status: 'submitted' }));
    expect(store.getState().draft).toMatchObject({ version: 4, storedStatus: 'submitted' });
  });

  it('shows the server problems of a 422 and the message of other failures', async () => {
    const { store, timer } = setup();
    store.getState().setVerdict('correct');
    const invalid = new ApiError(422, 'ANNOTATION_INVALID', 'Invalid', { problems: ['errorType "x" is not in the project\'s taxonomy'] });
    expect(await saveAnnotation(store, timer, { status: 'submitted', context }, async () => Promise.reject(invalid))).toBe(false);
    expect(store.getState().draft.save).toEqual({ kind: 'invalid', problems: ['Error type "x" is not in the project\'s taxonomy'] });

    const down = new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached.');
    expect(await saveAnnotation(store, timer, { status: 'draft', context }, async () => Promise.reject(down))).toBe(false);
    expect(store.getState().draft.save).toEqual({ kind: 'failed', message: 'The server could not be reached.', offline: true });
  });

  it('does not report into the draft of another solution opened meanwhile', async () => {
    const { store, timer } = setup(stored());
    let resolve: (outcome: Awaited<ReturnType<Put>>) => void = () => {};
    const put: Put = () => new Promise((r) => (resolve = r));
    const saving = saveAnnotation(store, timer, { status: 'draft', context }, put);
    store.getState().startDraft(6, null);
    resolve({ kind: 'saved', annotation: stored({ version: 2 }) });
    expect(await saving).toBe(true);
    expect(store.getState().draft).toMatchObject({ solutionId: 6, version: 0, save: { kind: 'idle' } });
  });
});
