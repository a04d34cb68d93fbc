import type { Database } from '../../db/connection';
import { FORMATS } from '../../domain/export/formats';
import { KINDS } from '../../domain/export/records';
import { recordShapeNote } from '../../domain/export/shape-notes';
import { SPLITS } from '../../domain/export/split';
import { MERGE_LEFT_OUT_REASONS, MERGE_SOURCES, type MergeSource } from '../../domain/merge/merge';
import { recordAudit } from '../audit';
import { getProject } from '../projects';
import { DatasetWriter, SPLIT_FILES } from './dataset-writer';
import { ExportFolder } from './export-files';
import { resolveExportSettings, type ExportOptions, type ExportSettings } from './export-options';
import { PREFERENCE_LEFT_OUT_REASONS, writePreferenceRecords } from './export-preference';
import { writeSolutionRecords } from './export-records';
import { AGREEMENT_LEFT_OUT_REASON } from './final-judgment';
import { ExportTally, MANIFEST_FILE, renderManifest } from './manifest';

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
  const format = FORMATS[settings.format];
  const folder = await ExportFolder.create(options.outDir);
  const kindReasons = settings.kind === 'preference' ? PREFERENCE_LEFT_OUT_REASONS : KINDS[settings.kind].leftOutReasons;
  const filterReasons = settings.minAgreement === null ? [] : [AGREEMENT_LEFT_OUT_REASON];
  const tally = new ExportTally([...MERGE_LEFT_OUT_REASONS, ...filterReasons, ...kindReasons]);
  let writer: DatasetWriter | undefined;
  try {
    writer = new DatasetWriter(folder);
    const ctx = { db, projectId: project.id, settings, folder, writer, tally, onProgress: options.onProgress };
    if (settings.kind === 'preference') await writePreferenceRecords(ctx);
    else await writeSolutionRecords(ctx, settings.kind);
    await writer.finish();
    for (const file of format.describe(settings.kind, SPLITS.map((split) => ({ split, fileName: SPLIT_FILES[split] })))) {
      await folder.writeWhole(file.path, file.content);
    }
    const files = folder.files();
    await folder.writeWhole(MANIFEST_FILE, renderManifest(manifestInput(options, settings, tally, files)));
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

function manifestInput(options: ExportOptions, settings: ExportSettings, tally: ExportTally, files: ReturnType<ExportFolder['files']>) {
  return {
    project: options.project,
    kind: settings.kind,
    format: settings.format,
    policy: {
      sources: settings.policy.sources,
      minAnnotators: settings.policy.minAnnotators,
      ormMinScore: settings.policy.ormMinScore ?? null,
      ormModel: settings.policy.ormModel ?? null,
    },
    filters: {
      rounds: settings.filter.rounds ?? null,
      models: settings.filter.models ?? null,
      subjects: settings.filter.subjects ?? null,
      sources: settings.filter.sources ?? null,
      minAgreement: settings.minAgreement,
    },
    ...(settings.kind === 'preference' ? { maxPairsPerProblem: settings.maxPairsPerProblem } : {}),
    split: { valFraction: settings.valFraction, seed: settings.seed },
    images: settings.images,
    recordShape: recordShapeNote(settings.kind, settings.format),
    ...(settings.kind === 'prm' ? { neutral: settings.neutral } : {}),
    reflectionTemplate: settings.reflectionTemplate,
    tally,
    files,
    createdAt: new Date(),
  };
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
