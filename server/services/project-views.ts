import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { ProjectDto } from '../../shared/schemas/api';
import type { Database } from '../db/connection';
import { canSeeProject, getVisibleProject } from './access';
import { type ProjectRow } from './projects';
import { projectSeed } from '../domain/queue/order';
import type { Principal } from './sessions';

/** The projects the caller can see, with their progress counts. */
export async function listProjects(db: Database, principal: Principal): Promise<ProjectDto[]> {
  const rows = await db.orm.select().from(db.t.projects).orderBy(asc(db.t.projects.name));
  const visible: ProjectDto[] = [];
  for (const row of rows) {
    if (await canSeeProject(db, principal, row.id)) visible.push(await presentProject(db, row, principal.userId));
  }
  return visible;
}

export async function getProjectView(db: Database, principal: Principal, name: string): Promise<ProjectDto> {
  return presentProject(db, await getVisibleProject(db, principal, name), principal.userId);
}

export async function presentProject(db: Database, project: ProjectRow, userId: number): Promise<ProjectDto> {
  const { problems, solutions, annotations } = db.t;
  const [problemCount] = await db.orm.select({ n: count() }).from(problems).where(eq(problems.projectId, project.id));
  const [solutionCount] = await db.orm.select({ n: count() }).from(solutions).where(eq(solutions.projectId, project.id));
  const [complete] = await db.orm
    .select({ n: count() })
    .from(solutions)
    .where(and(
      eq(solutions.projectId, project.id),
      sql`(SELECT count(*) FROM ${annotations} WHERE ${annotations.solutionId} = ${solutions.id} AND ${annotations.status} = 'submitted') >= ${project.overlap}`,
    ));
  const [mine] = await db.orm
    .select({ n: count() })
    .from(annotations)
    .innerJoin(solutions, eq(solutions.id, annotations.solutionId))
    .where(and(eq(solutions.projectId, project.id), eq(annotations.annotatorId, userId), eq(annotations.status, 'submitted')));
  return {
    name: project.name,
    guidelines: project.guidelines,
    overlap: project.overlap,
    mode: project.mode,
    assignment: project.assignment,
    leaseMinutes: project.leaseMinutes,
    taxonomy: project.taxonomy,
    seed: projectSeed(project.settings),
    counts: {
      problems: problemCount?.n ?? 0,
      solutions: solutionCount?.n ?? 0,
      complete: complete?.n ?? 0,
      mine: mine?.n ?? 0,
    },
  };
}
