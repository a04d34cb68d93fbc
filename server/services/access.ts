import { and, eq } from 'drizzle-orm';
import { ROLE_RANK, type Role } from '../../shared/constants';
import type { Database } from '../db/connection';
import { AppError } from '../errors';
import { getProject, type ProjectRow } from './projects';
import type { Principal } from './sessions';

/** "X and up": researchers may import/export, leads adjudicate, admins everything. */
export function hasRole(principal: Principal, least: Role): boolean {
  return ROLE_RANK[principal.role] >= ROLE_RANK[least];
}

export function requireRole(principal: Principal, least: Role): void {
  if (!hasRole(principal, least)) throw new AppError('FORBIDDEN', `this needs the ${least} role or higher`);
}

/** Annotators see the projects they are members of; every other role sees all projects. */
export async function canSeeProject(db: Database, principal: Principal, projectId: number): Promise<boolean> {
  if (principal.role !== 'annotator') return true;
  const [row] = await db.orm
    .select({ userId: db.t.projectMembers.userId })
    .from(db.t.projectMembers)
    .where(and(eq(db.t.projectMembers.projectId, projectId), eq(db.t.projectMembers.userId, principal.userId)))
    .limit(1);
  return row !== undefined;
}

/** The project, or 404 — also for projects the caller may not see, so names do not leak. */
export async function getVisibleProject(db: Database, principal: Principal, name: string): Promise<ProjectRow> {
  const project = await getProject(db, name);
  if (!(await canSeeProject(db, principal, project.id))) {
    throw new AppError('PROJECT_NOT_FOUND', `no project named "${name}"`);
  }
  return project;
}

/**
 * Who labels: annotators, and leads and admins when they pitch in. Researchers import and
 * export but never change labels (issue 4), so they cannot take work, skip or annotate.
 */
export function requireLabeller(principal: Principal): void {
  if (principal.role === 'researcher') throw new AppError('FORBIDDEN', 'researchers do not label; this needs the annotator, lead or admin role');
}

/** An admin, or the user named (their own tokens, for instance). */
export function requireSelfOrAdmin(principal: Principal, name: string): void {
  if (principal.role !== 'admin' && principal.name !== name) {
    throw new AppError('FORBIDDEN', 'only an admin or the user themself may do this');
  }
}
