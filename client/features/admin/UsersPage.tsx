import { useState } from 'react';
import type { UserAdminDto } from '../../../shared/schemas/admin';
import { describeError } from '../../api/api-error';
import { listUsers, updateUser, type UserUpdate } from '../../api/users';
import { useRemote } from '../../app/use-remote';
import { useAppStore } from '../../store/app-store';
import './admin.css';
import { AddUserForm } from './AddUserForm';
import { TokensPanel } from './TokensPanel';
import { UsersTable } from './UsersTable';
import { describeUpdate } from './user-text';

type Message = { kind: 'status' | 'alert'; text: string } | null;

/** /admin/users (admin): accounts, roles, passwords and API tokens. */
export function UsersPage() {
  const users = useRemote(listUsers, 'users');
  const me = useAppStore((s) => s.session.me?.user.name ?? null);
  const [message, setMessage] = useState<Message>(null);
  const [tokensOf, setTokensOf] = useState<string | null>(null);

  const put = (user: UserAdminDto) => {
    const list = users.data ?? [];
    const known = list.some((u) => u.name === user.name);
    users.replace(known ? list.map((u) => (u.name === user.name ? user : u)) : [...list, user]);
  };

  /** Applies a change; resolves true when the server took it. */
  const update = async (name: string, patch: UserUpdate): Promise<boolean> => {
    setMessage(null);
    try {
      put(await updateUser(name, patch));
      setMessage({ kind: 'status', text: describeUpdate(name, patch) });
      return true;
    } catch (e) {
      setMessage({ kind: 'alert', text: `Could not change ${name}: ${describeError(e)}` });
      return false;
    }
  };

  return (
    <main className="page users-page">
      <h1>Users</h1>
      <AddUserForm
        onCreated={(user) => {
          put(user);
          setMessage({ kind: 'status', text: `Added ${user.name} (${user.role}).` });
        }}
      />
      <div className="message-line">
        {message && (
          <p role={message.kind} className={message.kind === 'alert' ? 'form-error' : 'notice'}>
            {message.text}
          </p>
        )}
      </div>
      {users.data === null && users.loading && <p className="loading">Loading users…</p>}
      {users.error && <p role="alert">Could not load the users: {users.error}</p>}
      {users.data && (
        <UsersTable
          users={users.data}
          me={me}
          tokensOf={tokensOf}
          onUpdate={update}
          onTokens={(name) => setTokensOf((current) => (current === name ? null : name))}
        />
      )}
      {tokensOf && <TokensPanel key={tokensOf} user={tokensOf} onClose={() => setTokensOf(null)} />}
    </main>
  );
}
