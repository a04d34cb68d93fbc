import { eq } from 'drizzle-orm';
import type { AdjudicationDto } from '../../shared/schemas/api';
import type { Database, Orm } from '../db/connection';
import { judgmentOf } from '../presenters/annotation';

export type AdjudicationRow = Database['t']['adjudications']['$inferSelect'];

export function presentAdjudication(row: AdjudicationRow, adjudicator: string): AdjudicationDto {
  return {
    ...judgmentOf(row),
    version: row.version,
    reason: row.reason,
    qc: row.qc,
    adjudicator,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The current adjudication (gold) of a solution with its adjudicator's name, or null. */
export async function currentAdjudication(db: Database, solutionId: number, tx: Orm = db.orm): Promise<AdjudicationDto | null> {
  const { adjudications, users } = db.t;
  const [row] = await tx
    .select({ adjudication: adjudications, adjudicator: users.name })
    .from(adjudications)
    .innerJoin(users, eq(users.id, adjudications.adjudicatorId))
    .where(eq(adjudications.solutionId, solutionId))
    .limit(1);
  return row ? presentAdjudication(row.adjudication, row.adjudicator) : null;
}
