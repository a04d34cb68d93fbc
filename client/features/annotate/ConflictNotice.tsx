import type { AnnotationDto } from '../../../shared/schemas/api';

interface ConflictNoticeProps {
  current: AnnotationDto;
  busy: boolean;
  onLoadServer: () => void;
  onOverwrite: () => void;
}

/** A 409: the annotation changed elsewhere. The person chooses; nothing is overwritten silently. */
export function ConflictNotice({ current, busy, onLoadServer, onOverwrite }: ConflictNoticeProps) {
  const when = new Date(current.updatedAt);
  const today = when.toDateString() === new Date().toDateString();
  const at = Number.isNaN(when.getTime()) ? current.updatedAt : today ? when.toLocaleTimeString() : when.toLocaleString();
  return (
    <div className="conflict" role="alert">
      <p>
        <strong>This annotation was changed somewhere else</strong> (another tab or device): the server has version{' '}
        {current.version}, {current.status === 'submitted' ? 'submitted' : 'a draft'} saved at {at}. Your changes here are
        kept on this device but not saved.
      </p>
      <div className="actions">
        <button type="button" onClick={onLoadServer} disabled={busy}>
          Load the server&apos;s version
        </button>
        <button type="button" onClick={onOverwrite} disabled={busy}>
          Keep mine and overwrite
        </button>
      </div>
    </div>
  );
}
