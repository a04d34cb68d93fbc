import { Fragment, useState } from 'react';
import { ROLES, type Role } from '../../../shared/constants';
import type { UserAdminDto } from '../../../shared/schemas/admin';
import type { UserUpdate } from '../../api/users';
import { ConfirmInline } from '../../app/ConfirmInline';
import { formatDate } from '../../app/format-time';
import { ResetPasswordForm } from './ResetPasswordForm';

interface UserRowProps {
  user: UserAdminDto;
  self: boolean;
  tokensOpen: boolean;
  onUpdate: (name: string, patch: UserUpdate) => Promise<boolean>;
  onTokens: (name: string) => void;
}

type Open = 'none' | 'confirm-disable' | 'password';

/** One account: its role (changed at once), enable/disable (disabling asks first), password, tokens. */
export function UserRow({ user, self, tokensOpen, onUpdate, onTokens }: UserRowProps) {
  const [open, setOpen] = useState<Open>('none');
  const [busy, setBusy] = useState(false);
  const run = async (patch: UserUpdate) => {
    setBusy(true);
    const ok = await onUpdate(user.name, patch);
    setBusy(false);
    if (ok) setOpen('none');
    return ok;
  };
  const selfNote = self ? 'You cannot demote or disable yourself' : undefined;

  return (
    <Fragment>
      <tr className={user.disabled ? 'disabled-user' : undefined}>
        <th scope="row">
          {user.name}
          {self && <span className="muted"> (you)</span>}
          {user.imported && <span className="muted"> (imported)</span>}
        </th>
        <td>
          <select
            aria-label={`Role for ${user.name}`}
            value={user.role}
            disabled={busy || self}
            title={selfNote}
            onChange={(e) => void run({ role: e.target.value as Role })}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </td>
        <td>{user.projects.length > 0 ? user.projects.join(', ') : <span className="muted">none</span>}</td>
        <td>{user.lastSignInAt ? <time dateTime={user.lastSignInAt}>{formatDate(user.lastSignInAt)}</time> : <span className="muted">never</span>}</td>
        <td>{user.disabled ? <span className="badge off">Disabled</span> : <span className="badge on">Active</span>}</td>
        <td className="row-actions">
          {open === 'confirm-disable' ? (
            <ConfirmInline
              question={`Disable ${user.name}? Their sessions end and their tokens stop working.`}
              confirmLabel={`Disable ${user.name}`}
              busy={busy}
              onConfirm={() => void run({ disabled: true })}
              onCancel={() => setOpen('none')}
            />
          ) : (
            <>
              {user.disabled ? (
                <button type="button" disabled={busy} onClick={() => void run({ disabled: false })} aria-label={`Enable ${user.name}`}>
                  Enable
                </button>
              ) : (
                <button type="button" disabled={busy || self} title={selfNote} onClick={() => setOpen('confirm-disable')} aria-label={`Disable ${user.name}`}>
                  Disable
                </button>
              )}
              <button
                type="button"
                aria-expanded={open === 'password'}
                aria-label={`Reset password of ${user.name}`}
                onClick={() => setOpen(open === 'password' ? 'none' : 'password')}
              >
                Reset password
              </button>
              <button type="button" aria-expanded={tokensOpen} aria-label={`Tokens of ${user.name}`} onClick={() => onTokens(user.name)}>
                Tokens
              </button>
            </>
          )}
        </td>
      </tr>
      {open === 'password' && (
        <tr className="row-detail">
          <td colSpan={6}>
            <ResetPasswordForm name={user.name} busy={busy} onSubmit={(password) => run({ password })} onCancel={() => setOpen('none')} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}
