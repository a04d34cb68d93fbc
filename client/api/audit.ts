import { z } from 'zod';
import { AuditEntryDtoSchema } from '../../shared/schemas/admin';
import { call } from './http';

export type AuditEntryDto = z.infer<typeof AuditEntryDtoSchema>;
const AuditListSchema = z.object({ entries: z.array(AuditEntryDtoSchema) });

export interface AuditQuery {
  project?: string;
  limit?: number;
  /** The `id` of the oldest entry already shown: the next page is older than it. */
  before?: number;
}

/** GET /api/audit (admin; leads for their projects): newest first; `limit` 1..500 (server default 100). */
export async function listAudit(query: AuditQuery = {}): Promise<AuditEntryDto[]> {
  const params = new URLSearchParams();
  if (query.project !== undefined) params.set('project', query.project);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.before !== undefined) params.set('before', String(query.before));
  const search = params.toString();
  return (await call('GET', `/api/audit${search ? `?${search}` : ''}`, AuditListSchema)).entries;
}
