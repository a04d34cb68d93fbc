import { isDirty, type Draft } from '../../store/draft-slice';

/** The one-line saved state under the buttons ("Draft saved", "Submitted", …). Pure. */
export function saveStatusText(draft: Draft): string {
  if (draft.save.kind === 'saving') return draft.save.status === 'submitted' ? 'Submitting…' : 'Saving…';
  if (isDirty(draft)) return 'Unsaved changes';
  const status = draft.save.kind === 'saved' ? draft.save.status : draft.storedStatus;
  if (status === 'submitted') return 'Submitted';
  if (status === 'draft') return 'Draft saved';
  return 'Not saved yet';
}
