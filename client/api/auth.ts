import { HealthDtoSchema, MeDtoSchema, type HealthDto, type MeDto } from '../../shared/schemas/api';
import { call, callVoid } from './http';

/** POST /api/auth/login → the session; 401 INVALID_CREDENTIALS on a wrong name or password. */
export function signIn(username: string, password: string): Promise<MeDto> {
  return call('POST', '/api/auth/login', MeDtoSchema, { body: { username, password }, unauthorizedIsAnswer: true });
}

export function signOut(): Promise<void> {
  return callVoid('POST', '/api/auth/logout');
}

/** GET /api/me → the session, or ApiError 401 when there is none. */
export function fetchMe(): Promise<MeDto> {
  return call('GET', '/api/me', MeDtoSchema, { unauthorizedIsAnswer: true });
}

/** GET /api/health → whether the database answers and whether the public demo logins exist. */
export function fetchHealth(): Promise<HealthDto> {
  return call('GET', '/api/health', HealthDtoSchema);
}
