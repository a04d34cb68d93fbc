import { z } from 'zod';
import { MemberDtoSchema } from '../../shared/schemas/admin';
import { call, segment } from './http';

/** A project's members (lead+ on the server). */

export type MemberDto = z.infer<typeof MemberDtoSchema>;
const MemberListSchema = z.object({ members: z.array(MemberDtoSchema) });

export async function listMembers(project: string): Promise<MemberDto[]> {
  return (await call('GET', `/api/projects/${segment(project)}/members`, MemberListSchema)).members;
}

/** Adds and removes in one call; answers the members afterwards. */
export async function changeMembers(project: string, change: { add?: string[]; remove?: string[] }): Promise<MemberDto[]> {
  const body = { add: change.add ?? [], remove: change.remove ?? [] };
  return (await call('PUT', `/api/projects/${segment(project)}/members`, MemberListSchema, { body })).members;
}
