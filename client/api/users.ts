import { z } from 'zod';
import type { Role } from '../../shared/constants';
import { TokenDtoSchema, UserAdminDtoSchema, type TokenDto, type UserAdminDto } from '../../shared/schemas/admin';
import { call, callVoid, segment } from './http';

/** The admin's user management: accounts, roles, passwords and API tokens (admin only on the server). */

const UserListSchema = z.object({ users: z.array(UserAdminDtoSchema) });
const TokenListSchema = z.object({ tokens: z.array(TokenDtoSchema) });
const UserEnvelopeSchema = z.object({ user: UserAdminDtoSchema });
const NewTokenSchema = z.object({ token: z.string(), id: z.number().int() });

export interface UserCreate {
  name: string;
  role: Role;
  password: string;
}

/** Any subset; the server answers 409 SELF_LOCKOUT when an admin would demote or disable themself. */
export interface UserUpdate {
  role?: Role;
  disabled?: boolean;
  password?: string;
}

/** The secret is in this value only: show it once and drop it, never keep it anywhere. */
export type NewToken = z.infer<typeof NewTokenSchema>;

export async function listUsers(): Promise<UserAdminDto[]> {
  return (await call('GET', '/api/users', UserListSchema)).users;
}

/** POST /api/users → 201 `{user}`; 409 USER_EXISTS. */
export async function createUser(body: UserCreate): Promise<UserAdminDto> {
  return (await call('POST', '/api/users', UserEnvelopeSchema, { body })).user;
}

/** PATCH /api/users/:name → `{user}`. Disabling ends their sessions and stops their tokens. */
export async function updateUser(name: string, body: UserUpdate): Promise<UserAdminDto> {
  return (await call('PATCH', `/api/users/${segment(name)}`, UserEnvelopeSchema, { body })).user;
}

export async function listTokens(name: string): Promise<TokenDto[]> {
  return (await call('GET', `/api/users/${segment(name)}/tokens`, TokenListSchema)).tokens;
}

export function createToken(name: string, label: string): Promise<NewToken> {
  return call('POST', `/api/users/${segment(name)}/tokens`, NewTokenSchema, { body: { label } });
}

export function revokeToken(name: string, id: number): Promise<void> {
  return callVoid('DELETE', `/api/users/${segment(name)}/tokens/${segment(id)}`);
}
