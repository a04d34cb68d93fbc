import type { Database } from '../../db/connection';
import { MERGE_SOURCES, type MergeSource } from '../../domain/merge/merge';
import { recordAudit } from '../audit';
import { getProject } from '../projects';
import { DatasetWriter } from './dataset-writer';
import { ExportFolder } from './export-files';
import { resolveExportSettings, type ExportOptions } from './export-options';
import { describeFiles, manifestText, runExportPass } from './export-pass';
import { MANIFEST_FILE, type ExportTally } from './manifest';

export type { ExportOptions } from './export-options';

export interface ExportSummary {
  project: string;
  kind: string;
  format: string;
  /** Absolute path of the folder written. */
  outDir: string;
  records: { train: number; val: number; total: number };
  bySource: Record<MergeSource, number>;
  leftOut: Record<string, number>;
  images: number;
  files: number;
}

/**
 * Writes one dataset folder (SPEC §5): train.jsonl, val.jsonl, images/, provenance.jsonl,
 * the format's description files (dataset_info.json) and manifest.json. Solutions stream in
 * id order a page at a time (export-records.ts; preference: export-preference.ts); every
 * solution the filters select is either written (in a record or a pair) or counted under a
 * left-out reason. Same data and options → byte-identical files except the
 * manifest's `createdAt`.
 */
export async function exportDataset(db: Database, options: ExportOptions): Promise<ExportSummary> {
  const project = await getProject(db, options.project);
  const settings = resolveExportSettings(options, project.overlap);
  const folder = await ExportFolder.create(options.outDir);
  let writer: DatasetWriter | undefined;
  let tally: ExportTally;
  try {
    writer = new DatasetWriter(folder, db);
    tally = await runExportPass(db, project.id, settings, writer, options.onProgress);
    await writer.finish();
    for (const file of describeFiles(settings)) await folder.writeWhole(file.path, file.content);
    await folder.writeWhole(MANIFEST_FILE, manifestText(options.project, settings, tally, folder.files(), new Date()));
    await folder.commit();
  } catch (error) {
    writer?.abort();
    await folder.discard();
    throw error;
  }

  const summary = summarise(options, folder.target, tally, folder.files());
  await db.transaction((tx) =>
    recordAudit(db, tx, {
      actorId: options.actorId ?? null,
      action: 'export',
      projectId: project.id,
      targetType: 'project',
      targetId: project.name,
      details: { kind: settings.kind, format: settings.format, outDir: summary.outDir, records: summary.records, leftOut: summary.leftOut },
    }),
  );
  return summary;
}

function summarise(options: ExportOptions, outDir: string, tally: ExportTally, files: ReturnType<ExportFolder['files']>): ExportSummary {
  const train = tally.records('train');
  const val = tally.records('val');
  return {
    project: options.project,
    kind: options.kind,
    format: options.format,
    outDir,
    records: { train, val, total: train + val },
    bySource: Object.fromEntries(MERGE_SOURCES.map((s) => [s, tally.bySource.train[s] + tally.bySource.val[s]])) as Record<MergeSource, number>,
    leftOut: tally.leftOut(),
    images: files.filter((f) => f.path.startsWith('images/')).length,
    files: files.length,
  };
}
