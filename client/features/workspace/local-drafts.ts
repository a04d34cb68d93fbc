import { z } from 'zod';
import { JudgmentFieldsSchema } from '../../../shared/schemas/annotation';

/**
 * This device's copy of unsaved work, in localStorage: one record per (user, solution), written
 * on every change and removed once the server has the same revision. Reading validates the
 * record (a corrupt or foreign one is ignored). A tab removes only a record it wrote itself, so
 * a second tab's unsaved copy survives the first tab's successful save.
 */
export const LocalDraftSchema = z.object({
  /** The tab that wrote it (sessionStorage keeps the id across reloads of that tab). */
  tabId: z.string(),
  fields: JudgmentFieldsSchema,
  /** The server version these edits started from (0 = nothing stored then). */
  version: z.number().int().min(0),
  /** The draft revision in the tab that wrote it. */
  revision: z.number().int().min(0),
  timeSpentMs: z.number().int().min(0),
  /** Epoch milliseconds. */
  savedAt: z.number(),
});
export type LocalDraft = z.infer<typeof LocalDraftSchema>;

/** The part of the Web Storage API used here (a Map-backed fake in tests). */
export interface KeyValueStore {
  getItem: (key: string) => string | null;
  setItem: (key: string, value: string) => void;
  removeItem: (key: string) => void;
}

export const localDraftKey = (userId: number, solutionId: number) => `redline:draft:v1:${userId}:${solutionId}`;

export class LocalDrafts {
  constructor(
    private readonly storage: KeyValueStore | null,
    readonly tabId: string,
  ) {}

  read(userId: number, solutionId: number): LocalDraft | null {
    try {
      const raw = this.storage?.getItem(localDraftKey(userId, solutionId));
      if (!raw) return null;
      const parsed = LocalDraftSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** False when the copy could not be kept (storage full or blocked). */
  write(userId: number, solutionId: number, draft: Omit<LocalDraft, 'tabId'>): boolean {
    if (!this.storage) return false;
    try {
      this.storage.setItem(localDraftKey(userId, solutionId), JSON.stringify({ ...draft, tabId: this.tabId }));
      return true;
    } catch {
      return false;
    }
  }

  /** Removes the record if this tab wrote it (or `force`: it was read and taken over here). */
  remove(userId: number, solutionId: number, force = false): void {
    if (!this.storage) return;
    const current = this.read(userId, solutionId);
    try {
      if (force || current === null || current.tabId === this.tabId) this.storage.removeItem(localDraftKey(userId, solutionId));
    } catch {
      // Blocked storage: there was nothing kept to remove.
    }
  }
}

/** The browser's localStorage and this tab's id, or a store that keeps nothing where there is none. */
export function browserLocalDrafts(): LocalDrafts {
  const get = (name: 'localStorage' | 'sessionStorage'): Storage | null => {
    try {
      return typeof window === 'undefined' ? null : window[name];
    } catch {
      return null;
    }
  };
  const session = get('sessionStorage');
  let tabId = session?.getItem('redline:tab') ?? null;
  if (!tabId) {
    tabId = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random()).slice(2);
    try {
      session?.setItem('redline:tab', tabId);
    } catch {
      // Without sessionStorage a reload counts as another tab: harmless.
    }
  }
  return new LocalDrafts(get('localStorage'), tabId);
}
