import { z } from 'zod';
import { HistoryEntryDtoSchema, type HistoryEntryDto } from '../../shared/schemas/admin';
import { call, segment } from './http';

const HistorySchema = z.object({ entries: z.array(HistoryEntryDtoSchema) });

/** GET /api/solutions/:id/history (lead+): every annotation and adjudication revision and audit entry, oldest first. */
export async function getSolutionHistory(solutionId: number): Promise<HistoryEntryDto[]> {
  return (await call('GET', `/api/solutions/${segment(solutionId)}/history`, HistorySchema)).entries;
}
