import type { UserAdminDto } from '../../../shared/schemas/admin';
import type { UserUpdate } from '../../api/users';
import { UserRow } from './UserRow';

interface UsersTableProps {
  users: UserAdminDto[];
  /** The signed-in admin: they cannot demote or disable themself. */
  me: string | null;
  tokensOf: string | null;
  onUpdate: (name: string, patch: UserUpdate) => Promise<boolean>;
  onTokens: (name: string) => void;
}

export function UsersTable({ users, me, tokensOf, onUpdate, onTokens }: UsersTableProps) {
  const sorted = [...users].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <table className="data-table users-table" aria-label="Users">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          <th scope="col">Projects</th>
          <th scope="col">Last sign-in</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((user) => (
          <UserRow key={user.name} user={user} self={user.name === me} tokensOpen={tokensOf === user.name} onUpdate={onUpdate} onTokens={onTokens} />
        ))}
      </tbody>
    </table>
  );
}
