import type { UserUpdate } from '../../api/users';

/** What the admin screen says after a change. Pure. */
export function describeUpdate(name: string, patch: UserUpdate): string {
  const parts: string[] = [];
  if (patch.role !== undefined) parts.push(`${name} is now ${patch.role === 'admin' ? 'an' : 'a'} ${patch.role}`);
  if (patch.disabled === true) parts.push(`${name} is disabled: their sessions ended and their tokens stopped working`);
  if (patch.disabled === false) parts.push(`${name} is enabled again`);
  if (patch.password !== undefined) parts.push(`${name}'s password was reset`);
  return parts.length > 0 ? `${parts.join('; ')}.` : `${name} is unchanged.`;
}

/** A token as the revoke button names it: its label, or its id when it has none. */
export function tokenName(token: { id: number; label: string }): string {
  return token.label.trim() === '' ? String(token.id) : token.label;
}
