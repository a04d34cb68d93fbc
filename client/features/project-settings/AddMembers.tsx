import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/api-error';
import type { MemberDto } from '../../api/members';
import { listUsers } from '../../api/users';
import { useRemote } from '../../app/use-remote';
import { addableUsers, parseUserNames } from './member-names';

interface AddMembersProps {
  members: MemberDto[];
  busy: boolean;
  /** Resolves true when the names were added. */
  onAdd: (names: string[]) => Promise<boolean>;
}

/**
 * Admins pick from the list of users; a lead who is not an admin may not list users (403), so
 * they type the names instead — the server says which names it does not know.
 */
export function AddMembers({ members, busy, onAdd }: AddMembersProps) {
  const users = useRemote(listUsers, 'users');
  if (users.data === null && users.loading) return <p className="loading">Loading users…</p>;
  if (users.data === null) {
    const forbidden = users.cause instanceof ApiError && users.cause.status === 403;
    return <TypedNames busy={busy} onAdd={onAdd} note={forbidden ? null : `The user list could not be loaded (${users.error}).`} />;
  }
  return <PickUsers users={addableUsers(users.data, members)} busy={busy} onAdd={onAdd} />;
}

function PickUsers({ users, busy, onAdd }: { users: { name: string; role: string }[]; busy: boolean; onAdd: AddMembersProps['onAdd'] }) {
  const [picked, setPicked] = useState<string[]>([]);
  const toggle = (name: string, on: boolean) => setPicked((p) => (on ? [...p, name] : p.filter((n) => n !== name)));
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (picked.length > 0 && (await onAdd(picked))) setPicked([]);
  };

  return (
    <form className="add-members" onSubmit={onSubmit}>
      <fieldset>
        <legend>Add members</legend>
        {users.length === 0 && <p className="muted">Every active user is already a member.</p>}
        <ul className="check-list">
          {users.map((u) => (
            <li key={u.name}>
              <label>
                <input type="checkbox" checked={picked.includes(u.name)} onChange={(e) => toggle(u.name, e.target.checked)} /> {u.name}{' '}
                <span className="muted">({u.role})</span>
              </label>
            </li>
          ))}
        </ul>
        <button type="submit" className="primary" disabled={busy || picked.length === 0}>
          Add selected{picked.length > 0 ? ` (${picked.length})` : ''}
        </button>
      </fieldset>
    </form>
  );
}

function TypedNames({ busy, onAdd, note }: { busy: boolean; onAdd: AddMembersProps['onAdd']; note: string | null }) {
  const [text, setText] = useState('');
  const names = parseUserNames(text);
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (names.length > 0 && (await onAdd(names))) setText('');
  };

  return (
    <form className="add-members" onSubmit={onSubmit}>
      <fieldset>
        <legend>Add members</legend>
        {note && <p className="muted">{note}</p>}
        <div className="field">
          <label htmlFor="member-names">User names (comma-separated)</label>
          <input id="member-names" aria-describedby="member-names-hint" value={text} onChange={(e) => setText(e.target.value)} size={40} />
          <span id="member-names-hint" className="muted">
            Ask an admin for the exact names, e.g. <code>annotator1, annotator2</code>.
          </span>
        </div>
        <button type="submit" className="primary" disabled={busy || names.length === 0}>
          Add members
        </button>
      </fieldset>
    </form>
  );
}
