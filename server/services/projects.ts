import { count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { DEFAULT_ERROR_TAXONOMY, DEFAULT_LEASE_MINUTES, DEFAULT_OVERLAP, DEMO_PROJECT, PROJECT_NAME_PATTERN } from '../../shared/constants';
import { ProjectUpdateSchema } from '../../shared/schemas/admin';
import type { Database, Orm } from '../db/connection';
import { AppError } from '../errors';
import { recordAudit } from './audit';

export type ProjectRow = Database['t']['projects']['$inferSelect'];

/** What a project's creator or a lead may set (SPEC §2); every key optional. */
export type ProjectSettings = z.input<typeof ProjectUpdateSchema>;

export function assertProjectName(name: string): void {
  if (!PROJECT_NAME_PATTERN.test(name)) {
    throw new AppError('VALIDATION_FAILED', `project name "${name}" must be 1–64 letters, digits, "-" or "_"`);
  }
}

/**
 * Validates settings with the API's own schema, so the command line refuses exactly what the
 * API refuses; returns them normalised (taxonomy entries trimmed).
 */
export function parseProjectSettings(settings: ProjectSettings): z.output<typeof ProjectUpdateSchema> {
  const parsed = ProjectUpdateSchema.safeParse(settings);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ where: i.path.join('.') || 'settings', message: i.message }));
  throw new AppError('VALIDATION_FAILED', issues.map((i) => `${i.where}: ${i.message}`).join('; '), { issues });
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
  const valid = parseProjectSettings(settings);
  return db.transaction(async (tx) => {
    if (await findProject(db, name, tx)) throw new AppError('PROJECT_EXISTS', `project "${name}" already exists`);
    const [row] = await tx
      .insert(db.t.projects)
      .values({
        name,
        guidelines: valid.guidelines ?? '',
        overlap: valid.overlap ?? DEFAULT_OVERLAP,
        mode: valid.mode ?? 'first-error',
        assignment: valid.assignment ?? 'ordered',
        leaseMinutes: valid.leaseMinutes ?? DEFAULT_LEASE_MINUTES,
        taxonomy: valid.taxonomy ?? [...DEFAULT_ERROR_TAXONOMY],
        settings: valid.seed === undefined ? {} : { seed: valid.seed },
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(db, tx, {
      actorId, action: 'project.create', projectId: row.id, targetType: 'project', targetId: name, details: settingsForAudit(valid),
    });
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

/** Settings as the audit log keeps them: guidelines can be long, so only their length is logged. */
export function settingsForAudit(settings: Record<string, unknown>): Record<string, unknown> {
  const { guidelines, ...rest } = settings;
  return typeof guidelines === 'string' ? { ...rest, guidelinesLength: guidelines.length } : rest;
}
