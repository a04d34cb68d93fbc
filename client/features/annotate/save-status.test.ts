import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../store/app-store';
import { emptyJudgment } from '../../store/draft-slice';
import { saveStatusText } from './save-status';

const annotation = {
  ...emptyJudgment(), status: 'submitted' as const, version: 2, timeSpentMs: 0,
  updatedAt: '2025-01-01T00:00:00Z', submittedAt: '2025-01-01T00:00:00Z',
};

describe('saveStatusText', () => {
  it('follows the draft through loading, editing and saving', () => {
    const store = createAppStore();
    const text = () => saveStatusText(store.getState().draft);
    store.getState().startDraft(1, null);
    expect(text()).toBe('Not saved yet');
    store.getState().editDraft({ errorAnalysis: 'x' });
    expect(text()).toBe('Unsaved changes — kept on this device');
    store.getState().saveStarted('draft');
    expect(text()).toBe('Saving…');
    store.getState().saveSucceeded({ ...annotation, status: 'draft' }, 1);
    expect(text()).toBe('Draft saved');
    store.getState().startDraft(1, annotation);
    expect(text()).toMatch(/^Submitted/);
  });

  it('says when the server could not be reached and that nothing is lost', () => {
    const store = createAppStore();
    const text = () => saveStatusText(store.getState().draft);
    store.getState().startDraft(1, null);
    store.getState().editDraft({ errorAnalysis: 'x' });
    store.getState().saveFailed('The server could not be reached.', true);
    expect(text()).toBe('Offline — changes kept on this device');
    store.getState().saveFailed('The server answered 500.', false);
    expect(text()).toBe('Not saved to the server (The server answered 500.) — changes kept on this device, retrying');
    store.getState().saveConflicted('draft', { ...annotation, status: 'draft' });
    expect(text()).toMatch(/^Not saved — this annotation changed elsewhere/);
  });
});
