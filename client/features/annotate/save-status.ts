import { isDirty, type Draft } from '../../store/draft-slice';

/**
 * The one-line save state under the buttons ("Draft saved", "Offline — …"). Pure.
 * Unsaved work is always on this device (localStorage) before the server has it; say so.
 */
export function saveStatusText(draft: Draft): string {
  const { save } = draft;
  if (save.kind === 'saving') return save.status === 'submitted' ? 'Submitting…' : 'Saving…';
  if (save.kind === 'conflict') return 'Not saved — this annotation changed elsewhere; choose a version above';
  if (isDirty(draft)) {
    if (save.kind === 'failed') {
      return save.offline
        ? 'Offline — changes kept on this device'
        : `Not saved to the server (${save.message}) — changes kept on this device, retrying`;
    }
    return 'Unsaved changes — kept on this device';
  }
  const status = save.kind === 'saved' ? save.status : draft.storedStatus;
  if (status === 'submitted') return 'Submitted — later edits are saved to your submission';
  if (status === 'draft') return 'Draft saved';
  return 'Not saved yet';
}
