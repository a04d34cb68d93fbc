import type { FastifyBaseLogger } from 'fastify';
import type { ExportQuery } from '../../../shared/schemas/export';
import type { Database } from '../../db/connection';
import { AppError } from '../../errors';
import { recordAudit } from '../audit';
import type { ProjectRow } from '../projects';
import { resolveExportSettings, type ExportSettings } from './export-options';
import { exportOptionsFromQuery } from './export-query';
import { streamExportZip, type ZipExport } from './export-zip';

/**
 * Exports running per user id. In-process on purpose (for now): Redline serves from one process
 * (SPEC §9), and a count that dies with the process can never stay stuck after a crash, as a
 * row in the database could. Several server processes would each allow `limit`.
 */
const running = new Map<number, number>();

export interface ExportDownload extends ZipExport {
  fileName: string;
}

/**
 * GET …/export: checks every option before anything is streamed (bad → VALIDATION_FAILED), takes
 * one of the caller's export slots (none free → RATE_LIMITED), records the `export` audit entry
 * with the options, and starts the zip (export-zip.ts). The slot is released when the zip ends,
 * fails or is abandoned by the reader.
 */
export async function startExportDownload(
  db: Database,
  actor: { userId: number },
  project: ProjectRow,
  query: ExportQuery,
  log: FastifyBaseLogger,
  /** Downloads one user may have running at once (REDLINE_MAX_CONCURRENT_EXPORTS). */
  limit: number,
): Promise<ExportDownload> {
  const options = exportOptionsFromQuery(project.name, query);
  const settings = resolveExportSettings(options, project.overlap);
  const active = running.get(actor.userId) ?? 0;
  if (active >= limit) {
    throw new AppError(
      'RATE_LIMITED',
      `you already have ${active} export${active === 1 ? '' : 's'} running (limit ${limit} at once, REDLINE_MAX_CONCURRENT_EXPORTS); wait for one to finish`,
      { limit, running: active },
    );
  }
  // Taken before the first await, so requests arriving together cannot all see a free slot.
  running.set(actor.userId, active + 1);
  const release = () => {
    const left = (running.get(actor.userId) ?? 1) - 1;
    if (left <= 0) running.delete(actor.userId);
    else running.set(actor.userId, left);
  };
  let zip: ZipExport;
  try {
    await auditDownload(db, actor.userId, project, settings);
    zip = streamExportZip(db, project, settings);
  } catch (error) {
    release();
    throw error;
  }
  // Headers are gone by the time a pass fails: the reader sees a cut-off zip, the log says why.
  zip.done.then(release, (error: unknown) => {
    release();
    log.warn({ err: error, project: project.name, kind: settings.kind }, 'export download stopped');
  });
  // Quoted in Content-Disposition: keep the name to characters that need no escaping.
  const safeName = project.name.replace(/[^A-Za-z0-9._-]/g, '_');
  return { ...zip, fileName: `${safeName}-${settings.kind}-${settings.format}.zip` };
}

/** The `export` audit entry, with the options as resolved (what the CLI's entry says, plus `via`). */
async function auditDownload(db: Database, actorId: number, project: ProjectRow, settings: ExportSettings): Promise<void> {
  await db.transaction((tx) =>
    recordAudit(db, tx, {
      actorId,
      action: 'export',
      projectId: project.id,
      targetType: 'project',
      targetId: project.name,
      details: {
        via: 'http',
        kind: settings.kind,
        format: settings.format,
        images: settings.images,
        policy: settings.policy,
        filters: { ...settings.filter, minAgreement: settings.minAgreement },
        valFraction: settings.valFraction,
        seed: settings.seed,
        ...(settings.kind === 'prm' ? { neutral: settings.neutral } : {}),
        ...(settings.kind === 'preference' ? { maxPairsPerProblem: settings.maxPairsPerProblem } : {}),
      },
    }),
  );
}
