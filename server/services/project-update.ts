import { eq } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { AppError } from '../errors';
import { recordAudit } from './audit';
import { findProject, parseProjectSettings, settingsForAudit, type ProjectRow, type ProjectSettings } from './projects';
import { projectSeed } from '../domain/queue/order';
import { projectQcRate } from './queue';

type ValidSettings = ReturnType<typeof parseProjectSettings>;

/** The keys whose new value differs from the stored one (a PATCH may resend unchanged values). */
function changedKeys(project: ProjectRow, settings: ValidSettings): (keyof ValidSettings)[] {
  const current: Required<ValidSettings> = {
    overlap: project.overlap,
    mode: project.mode,
    assignment: project.assignment,
    leaseMinutes: project.leaseMinutes,
    taxonomy: project.taxonomy,
    guidelines: project.guidelines,
    seed: projectSeed(project.settings),
    qcRate: projectQcRate(project.settings),
  };
  return (Object.keys(settings) as (keyof ValidSettings)[]).filter(
    (key) => settings[key] !== undefined && JSON.stringify(settings[key]) !== JSON.stringify(current[key]),
  );
}

/**
 * `PATCH /api/projects/:project` and `redline project set`: changes the given settings (the name
 * never changes) and records `project.update` with the keys that changed. Sending only unchanged
 * values writes nothing. A smaller overlap leaves existing annotations alone; the queue simply
 * stops handing out solutions that already have enough.
 */
export async function updateProjectSettings(
  db: Database,
  name: string,
  settings: ProjectSettings,
  actorId: number | null,
): Promise<{ project: ProjectRow; changed: string[] }> {
  const valid = parseProjectSettings(settings);
  return db.transaction(async (tx) => {
    const project = await findProject(db, name, tx);
    if (!project) throw new AppError('PROJECT_NOT_FOUND', `no project named "${name}"`);
    const changed = changedKeys(project, valid);
    if (changed.length === 0) return { project, changed };
    const values: Partial<ProjectRow> = {};
    const details: Record<string, unknown> = {};
    for (const key of changed) {
      details[key] = valid[key];
      if (key !== 'seed' && key !== 'qcRate') Object.assign(values, { [key]: valid[key] });
    }
    // seed and qcRate live in projects.settings.
    if (changed.includes('seed') || changed.includes('qcRate')) {
      values.settings = {
        ...project.settings,
        ...(changed.includes('seed') ? { seed: valid.seed } : {}),
        ...(changed.includes('qcRate') ? { qcRate: valid.qcRate } : {}),
      };
    }
    const [row] = await tx.update(db.t.projects).set(values).where(eq(db.t.projects.id, project.id)).returning();
    if (!row) throw new Error('project update returned no row');
    await recordAudit(db, tx, {
      actorId, action: 'project.update', projectId: project.id, targetType: 'project', targetId: name,
      details: { changed, ...settingsForAudit(details) },
    });
    return { project: row, changed };
  });
}
