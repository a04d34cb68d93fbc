import { and, eq } from 'drizzle-orm';
import { checkSubmittable, type AnnotationPut } from '../../shared/schemas/annotation';
import type { AnnotationDto } from '../../shared/schemas/api';
import type { Database } from '../db/connection';
import { AppError } from '../errors';
import { judgmentColumns, judgmentOf, presentAnnotation } from '../presenters/annotation';
import { loadSolutionForCaller } from './solutions';
import { assertMayAnnotate, renewLease } from './queue';
import type { Principal } from './sessions';

/**
 * Saves the caller's annotation of a solution (SPEC §8 `PUT …/annotation`).
 * - Optimistic concurrency: `body.version` must be the stored version (0 = none yet), else
 *   VERSION_CONFLICT carrying the current annotation; nothing is overwritten silently.
 * - Every save adds a revision; nothing is lost.
 * - A submission must be complete (`checkSubmittable`); drafts may hold anything.
 * - Once submitted, an annotation stays submitted: a later draft save edits it in place.
 */
export async function saveAnnotation(
  db: Database,
  principal: Principal,
  solutionId: number,
  body: AnnotationPut,
  now = new Date(),
): Promise<AnnotationDto> {
  const { project, solution } = await loadSolutionForCaller(db, principal, solutionId);
  if (body.status === 'submitted') {
    const problems = checkSubmittable(body, { stepCount: solution.steps.length, taxonomy: project.taxonomy });
    if (problems.length > 0) {
      throw new AppError('ANNOTATION_INVALID', `the annotation cannot be submitted: ${problems.join('; ')}`, { problems });
    }
  }
  const { annotations, annotationRevisions, leases } = db.t;
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(annotations)
      .where(and(eq(annotations.solutionId, solutionId), eq(annotations.annotatorId, principal.userId))).limit(1);
    if ((current?.version ?? 0) !== body.version) {
      throw new AppError('VERSION_CONFLICT', `the annotation changed since you read it (version ${current?.version ?? 0}, you sent ${body.version})`,
        undefined, { current: current ? presentAnnotation(current) : null });
    }
    // A first save or a first submission needs a slot; editing a stored draft never loses typing.
    if (!current || (body.status === 'submitted' && current.status !== 'submitted')) {
      await assertMayAnnotate(db, tx, project, solutionId, principal.userId, now);
    }
    const status = current?.status === 'submitted' ? 'submitted' : body.status;
    const values = {
      ...judgmentColumns(body),
      status,
      version: body.version + 1,
      timeSpentMs: body.timeSpentMs,
      updatedAt: now,
      submittedAt: status === 'submitted' ? (current?.submittedAt ?? now) : null,
    };
    // The write itself re-checks the version: two saves that both read it (two tabs, an autosave
    // racing the submit button) can pass the check above together on PostgreSQL; the second
    // then writes nothing here and gets the conflict, not a duplicate-key 500.
    const [row] = current
      ? await tx.update(annotations).set(values).where(and(eq(annotations.id, current.id), eq(annotations.version, body.version))).returning()
      : await tx.insert(annotations).values({ ...values, solutionId, annotatorId: principal.userId, createdAt: now })
        .onConflictDoNothing({ target: [annotations.solutionId, annotations.annotatorId] }).returning();
    if (!row) {
      const [latest] = await tx.select().from(annotations)
        .where(and(eq(annotations.solutionId, solutionId), eq(annotations.annotatorId, principal.userId))).limit(1);
      throw new AppError('VERSION_CONFLICT', `the annotation changed since you read it (version ${latest?.version ?? 0}, you sent ${body.version})`,
        undefined, { current: latest ? presentAnnotation(latest) : null });
    }
    await tx.insert(annotationRevisions).values({
      annotationId: row.id,
      version: row.version,
      status: row.status,
      snapshot: { ...judgmentOf(row), timeSpentMs: row.timeSpentMs },
      actorId: principal.userId,
      createdAt: now,
    });
    if (status === 'draft') await renewLease(db, tx, project, solutionId, principal.userId, now);
    if (status === 'submitted') {
      await tx.delete(leases).where(and(eq(leases.solutionId, solutionId), eq(leases.userId, principal.userId)));
    }
    return presentAnnotation(row);
  });
}
