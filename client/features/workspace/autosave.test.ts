import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnnotationDto } from '../../../shared/schemas/api';
import { createAppStore } from '../../store/app-store';
import { emptyJudgment } from '../../store/draft-slice';
import { decideResume, localCopyAction, needsServerSave, retryDelayMs } from './autosave-decisions';
import { Autosaver } from './autosaver';
import { LocalDrafts, type KeyValueStore, type LocalDraft } from './local-drafts';

const stored = (over: Partial<AnnotationDto> = {}): AnnotationDto => ({
  ...emptyJudgment(), verdict: 'incorrect', firstErrorStep: 1, status: 'draft', version: 3, timeSpentMs: 1000,
  updatedAt: '2025-01-01T00:00:00Z', submittedAt: null, ...over,
});
const local = (over: Partial<LocalDraft> = {}): LocalDraft => ({
  tabId: 't1', fields: { ...emptyJudgment(), verdict: 'incorrect', firstErrorStep: 1, errorAnalysis: 'typed offline' },
  version: 3, revision: 4, timeSpentMs: 2000, savedAt: 1, ...over,
});

describe('resuming a solution', () => {
  it('starts from the server when this device kept nothing', () => {
    expect(decideResume(null, stored())).toEqual({ kind: 'server' });
  });

  it('restores unsaved edits made on the version the server still has', () => {
    expect(decideResume(local(), stored())).toEqual({ kind: 'restore', local: local() });
    expect(decideResume(local({ version: 0 }), null)).toMatchObject({ kind: 'restore' });
  });

  it('drops a copy the server already has (saved, or sent as the tab closed)', () => {
    const same = stored({ errorAnalysis: 'typed offline', version: 4 });
    expect(decideResume(local(), same)).toEqual({ kind: 'discard' });
    expect(decideResume(local({ fields: emptyJudgment(), version: 0 }), null)).toEqual({ kind: 'discard' });
  });

  it('asks the person when the server moved on since the copy was made', () => {
    const newer = stored({ version: 5, errorAnalysis: 'from the other tab' });
    expect(decideResume(local(), newer)).toEqual({ kind: 'conflict', local: local(), current: newer });
  });

  it('keeps the copy when the server no longer has anything', () => {
    expect(decideResume(local({ version: 2 }), null)).toMatchObject({ kind: 'restore' });
  });
});

describe('after each change', () => {
  it('writes the local copy while dirty, removes it once the server has the revision, saves unless in conflict', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().startDraft(7, null);
    expect(localCopyAction(s().draft)).toBe('remove');
    expect(needsServerSave(s().draft)).toBe(false);
    s().setVerdict('correct');
    expect(localCopyAction(s().draft)).toBe('write');
    expect(needsServerSave(s().draft)).toBe(true);
    s().saveSucceeded(stored({ version: 1, verdict: 'correct', firstErrorStep: null }), s().draft.revision);
    expect(localCopyAction(s().draft)).toBe('remove');
    s().editDraft({ errorAnalysis: 'x' });
    s().saveConflicted('draft', stored({ version: 2 }));
    expect(localCopyAction(s().draft)).toBe('write');
    expect(needsServerSave(s().draft)).toBe(false);
  });

  it('resumes a local copy as dirty, or in conflict with the server version to choose from', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().resumeDraft(7, stored(), local(), false);
    expect(s().draft).toMatchObject({ version: 3, restored: true, timeSpentMs: 2000, save: { kind: 'idle' } });
    expect(s().draft.fields.errorAnalysis).toBe('typed offline');
    expect(needsServerSave(s().draft)).toBe(true);
    const newer = stored({ version: 5 });
    s().resumeDraft(7, newer, local(), true);
    expect(s().draft).toMatchObject({ version: 3, save: { kind: 'conflict', current: newer } });
    s().adoptServerVersion();
    expect(s().draft).toMatchObject({ version: 5, restored: false });
    expect(localCopyAction(s().draft)).toBe('remove');
  });

  it('backs off retries up to 30 s', () => {
    expect([1, 2, 3, 4, 9].map(retryDelayMs)).toEqual([5000, 10_000, 20_000, 30_000, 30_000]);
  });
});

describe('local copies', () => {
  const memory = (): KeyValueStore & { map: Map<string, string> } => {
    const map = new Map<string, string>();
    return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
  };

  it('round-trips a copy per user and solution and ignores corrupt records', () => {
    const storage = memory();
    const drafts = new LocalDrafts(storage, 'tab-a');
    const { tabId: _, ...copy } = local();
    expect(drafts.write(1, 9, copy)).toBe(true);
    expect(drafts.read(1, 9)).toEqual({ ...copy, tabId: 'tab-a' });
    expect(drafts.read(2, 9)).toBeNull();
    storage.setItem('redline:draft:v1:1:10', '{"fields": 3');
    expect(drafts.read(1, 10)).toBeNull();
  });

  it('removes only what this tab wrote, unless told to take it over', () => {
    const storage = memory();
    const a = new LocalDrafts(storage, 'tab-a');
    const b = new LocalDrafts(storage, 'tab-b');
    const { tabId: _, ...copy } = local();
    b.write(1, 9, copy);
    a.remove(1, 9);
    expect(a.read(1, 9)?.tabId).toBe('tab-b');
    a.remove(1, 9, true);
    expect(a.read(1, 9)).toBeNull();
  });

  it('reports a full storage instead of throwing', () => {
    const full: KeyValueStore = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => {} };
    const { tabId: _, ...copy } = local();
    expect(new LocalDrafts(full, 't').write(1, 1, copy)).toBe(false);
    expect(new LocalDrafts(null, 't').read(1, 1)).toBeNull();
  });
});

describe('Autosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(results: boolean[] = []) {
    let dirty = false;
    const save = vi.fn(async () => {
      const ok = results.shift() ?? true;
      if (ok) dirty = false;
      return ok;
    });
    const saver = new Autosaver(save, () => dirty, { debounceMs: 1200, maxWaitMs: 3000 });
    const change = () => {
      dirty = true;
      saver.changed();
    };
    return { saver, save, change, isDirty: () => dirty };
  }

  it('saves 1.2 s after the last change', async () => {
    const { save, change } = setup();
    change();
    await vi.advanceTimersByTimeAsync(1100);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('saves within 3 s of the first change even while the person keeps typing', async () => {
    const { save, change } = setup();
    for (let t = 0; t < 3000; t += 300) {
      change();
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('retries a failed save with back-off, and at once when asked (back online)', async () => {
    const { saver, save, change, isDirty } = setup([false, false, true]);
    change();
    await vi.advanceTimersByTimeAsync(1200);
    expect(save).toHaveBeenCalledTimes(1);
    change(); // typing on while offline does not hammer the server
    await vi.advanceTimersByTimeAsync(4900);
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(save).toHaveBeenCalledTimes(2);
    saver.retry();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(3);
    expect(isDirty()).toBe(false);
  });

  it('forgets the back-off once nothing is due (the person chose a version after a failure)', async () => {
    let due = false;
    const save = vi.fn(async () => false);
    const saver = new Autosaver(save, () => due);
    due = true;
    saver.changed();
    await vi.advanceTimersByTimeAsync(1200);
    expect(saver.failedSaves).toBe(1);
    due = false;
    await vi.advanceTimersByTimeAsync(5000);
    expect(saver.failedSaves).toBe(0);
    due = true;
    saver.changed();
    await vi.advanceTimersByTimeAsync(1200);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('flushes now, waiting for a save already running, and does nothing when nothing is due', async () => {
    const { saver, save, change } = setup();
    expect(await saver.flush()).toBe(true);
    expect(save).not.toHaveBeenCalled();
    change();
    expect(await saver.flush()).toBe(true);
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('stops after dispose', async () => {
    const { saver, save, change } = setup();
    change();
    saver.dispose();
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).not.toHaveBeenCalled();
  });
});
