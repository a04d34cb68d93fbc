import { and, asc, eq } from 'drizzle-orm';
import type { SolutionViewDto } from '../../shared/schemas/api';
import type { Database } from '../db/connection';
import { AppError } from '../errors';
import { presentAnnotation } from '../presenters/annotation';
import { currentAdjudication } from './adjudication-view';
import { presentOrm, presentProblem, presentSolution } from '../presenters/solution';
import { canSeeProject, hasRole } from './access';
import { currentLease } from './queue';
import type { ProjectRow } from './projects';
import type { Principal } from './sessions';

export type SolutionRow = Database['t']['solutions']['$inferSelect'];

/** The solution and its project, or 404 when it does not exist or the caller may not see it. */
export async function loadSolutionForCaller(
  db: Database,
  principal: Principal,
  solutionId: number,
): Promise<{ project: ProjectRow; solution: SolutionRow }> {
  const { solutions, projects } = db.t;
  const [row] = await db.orm
    .select({ solution: solutions, project: projects })
    .from(solutions)
    .innerJoin(projects, eq(projects.id, solutions.projectId))
    .where(eq(solutions.id, solutionId))
    .limit(1);
  if (!row || !(await canSeeProject(db, principal, row.project.id))) {
    throw new AppError('SOLUTION_NOT_FOUND', `no solution ${solutionId}`);
  }
  return row;
}

/**
 * Everything the annotation screen needs (SPEC §8 `GET /api/solutions/:id`). Annotators label
 * blind: they get their own annotation only; leads and admins also get everyone's.
 */
export async function getSolutionView(db: Database, principal: Principal, solutionId: number, now = new Date()): Promise<SolutionViewDto> {
  const { project, solution } = await loadSolutionForCaller(db, principal, solutionId);
  const { problems, problemImages, images, ormJudgments, annotations, users } = db.t;
  const [problem] = await db.orm.select().from(problems).where(eq(problems.id, solution.problemId));
  if (!problem) throw new AppError('SOLUTION_NOT_FOUND', `solution ${solutionId} has no problem`);
  const imageRows = await db.orm
    .select({ sha256: images.sha256, mime: images.mime, width: images.width, height: images.height })
    .from(problemImages)
    .innerJoin(images, eq(images.sha256, problemImages.imageSha256))
    .where(eq(problemImages.problemId, problem.id))
    .orderBy(asc(problemImages.position));
  const orm = await db.orm.select().from(ormJudgments).where(eq(ormJudgments.solutionId, solutionId)).orderBy(asc(ormJudgments.id));
  const [own] = await db.orm.select().from(annotations)
    .where(and(eq(annotations.solutionId, solutionId), eq(annotations.annotatorId, principal.userId)));
  const view: SolutionViewDto = {
    project: { name: project.name, mode: project.mode, taxonomy: project.taxonomy, guidelines: project.guidelines },
    problem: presentProblem(problem, imageRows),
    solution: presentSolution(solution, project.name),
    orm: orm.map(presentOrm),
    annotation: own ? presentAnnotation(own) : null,
    lease: await leaseOf(db, solutionId, principal.userId, now),
  };
  if (hasRole(principal, 'lead')) {
    const all = await db.orm
      .select({ annotation: annotations, annotator: users.name })
      .from(annotations)
      .innerJoin(users, eq(users.id, annotations.annotatorId))
      .where(eq(annotations.solutionId, solutionId))
      .orderBy(asc(annotations.id));
    view.annotations = all.map((r) => ({ ...presentAnnotation(r.annotation), annotator: r.annotator }));
    view.adjudication = await currentAdjudication(db, solutionId);
  }
  return view;
}

async function leaseOf(db: Database, solutionId: number, userId: number, now: Date): Promise<{ expiresAt: string } | null> {
  const expiresAt = await currentLease(db, solutionId, userId, now);
  return expiresAt ? { expiresAt: expiresAt.toISOString() } : null;
}
