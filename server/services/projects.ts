import { count, eq } from 'drizzle-orm';
import { DEFAULT_ERROR_TAXONOMY, DEMO_PROJECT, PROJECT_NAME_PATTERN, type AssignmentStrategy, type LabelMode } from '../../shared/constants';
import type { Database, Orm } from '../db/connection';
import { AppError } from '../errors';
import { recordAudit } from './audit';

export type ProjectRow = Database['t']['projects']['$inferSelect'];

export interface ProjectSettings {
  overlap?: number;
  mode?: LabelMode;
  assignment?: AssignmentStrategy;
  leaseMinutes?: number;
  taxonomy?: string[];
  guidelines?: string;
}

export function assertProjectName(name: string): void {
  if (!PROJECT_NAME_PATTERN.test(name)) {
    throw new AppError('VALIDATION_FAILED', `project name "${name}" must be 1–64 letters, digits, "-" or "_"`);
  }
}

export async function findProject(db: Database, name: string, tx: Orm = db.orm): Promise<ProjectRow | undefined> {
  const [row] = await tx.select().from(db.t.projects).where(eq(db.t.projects.name, name)).limit(1);
  return row;
}

export async function getProject(db: Database, name: string): Promise<ProjectRow> {
  const project = await findProject(db, name);
  if (!project) throw new AppError('PROJECT_NOT_FOUND', `no project named "${name}"`);
  return project;
}

export async function createProject(
  db: Database,
  name: string,
  settings: ProjectSettings,
  actorId: number | null,
): Promise<ProjectRow> {
  assertProjectName(name);
  if (settings.overlap !== undefined && (!Number.isInteger(settings.overlap) || settings.overlap < 1)) {
    throw new AppError('VALIDATION_FAILED', `overlap must be a whole number ≥ 1, got ${settings.overlap}`);
  }
  if (settings.leaseMinutes !== undefined && (!Number.isInteger(settings.leaseMinutes) || settings.leaseMinutes < 1)) {
    throw new AppError('VALIDATION_FAILED', `lease minutes must be a whole number ≥ 1, got ${settings.leaseMinutes}`);
  }
  return db.transaction(async (tx) => {
    if (await findProject(db, name, tx)) throw new AppError('PROJECT_EXISTS', `project "${name}" already exists`);
    const [row] = await tx
      .insert(db.t.projects)
      .values({
        name,
        guidelines: settings.guidelines ?? '',
        overlap: settings.overlap ?? 1,
        mode: settings.mode ?? 'first-error',
        assignment: settings.assignment ?? 'ordered',
        leaseMinutes: settings.leaseMinutes ?? 30,
        taxonomy: settings.taxonomy ?? [...DEFAULT_ERROR_TAXONOMY],
        settings: {},
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(db, tx, { actorId, action: 'project.create', projectId: row.id, targetType: 'project', targetId: name });
    return row;
  });
}

/** `redline import --project NAME` creates the project with defaults when it does not exist. */
export async function ensureProject(db: Database, name: string, actorId: number | null): Promise<ProjectRow> {
  const existing = await findProject(db, name);
  if (existing) return existing;
  try {
    return await createProject(db, name, {}, actorId);
  } catch (error) {
    // Another instance created it between our read and our write.
    if (error instanceof AppError && error.code === 'PROJECT_EXISTS') return getProject(db, name);
    throw error;
  }
}

/** The demo project has settings.demo = true; the UI then warns that its logins are public. */
export async function isDemoLoaded(db: Database): Promise<boolean> {
  const project = await findProject(db, DEMO_PROJECT);
  return project?.settings.demo === true;
}

export async function hasAnyProject(db: Database): Promise<boolean> {
  const [row] = await db.orm.select({ n: count() }).from(db.t.projects);
  return (row?.n ?? 0) > 0;
}
