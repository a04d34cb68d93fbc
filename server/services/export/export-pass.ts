import type { Database } from '../../db/connection';
import { FORMATS, type FormatFile } from '../../domain/export/formats';
import { KINDS } from '../../domain/export/records';
import { recordShapeNote } from '../../domain/export/shape-notes';
import { SPLITS } from '../../domain/export/split';
import { MERGE_LEFT_OUT_REASONS } from '../../domain/merge/merge';
import { SPLIT_FILES, type DatasetSink } from './dataset-sink';
import type { WrittenFile } from './export-files';
import type { ExportSettings } from './export-options';
import { PREFERENCE_LEFT_OUT_REASONS, writePreferenceRecords } from './export-preference';
import { writeSolutionRecords } from './export-records';
import { AGREEMENT_LEFT_OUT_REASON } from './final-judgment';
import { ExportTally, renderManifest } from './manifest';

/**
 * One pass of the export over the database: every solution the filters select is produced as a
 * record (or a pair) into `sink`, or counted under a left-out reason in the returned tally. The
 * folder export makes one pass; the zip makes one per entry it streams; the preview one per
 * kind into a sink that keeps nothing. Every pass over the same data yields the same records in
 * the same order.
 */
export async function runExportPass(
  db: Database,
  projectId: number,
  settings: ExportSettings,
  sink: DatasetSink,
  onProgress?: (done: number, total: number) => void,
): Promise<ExportTally> {
  const tally = new ExportTally(leftOutReasons(settings));
  const ctx = { db, projectId, settings, sink, tally, onProgress };
  if (settings.kind === 'preference') await writePreferenceRecords(ctx);
  else await writeSolutionRecords(ctx, settings.kind);
  return tally;
}

/** Every reason this export may give, in the manifest's order. */
export function leftOutReasons(settings: ExportSettings): string[] {
  const kindReasons = settings.kind === 'preference' ? PREFERENCE_LEFT_OUT_REASONS : KINDS[settings.kind].leftOutReasons;
  const filterReasons = settings.minAgreement === null ? [] : [AGREEMENT_LEFT_OUT_REASON];
  return [...MERGE_LEFT_OUT_REASONS, ...filterReasons, ...kindReasons];
}

/** The format's description files (dataset_info.json for sharegpt), written after the records. */
export function describeFiles(settings: ExportSettings): FormatFile[] {
  return FORMATS[settings.format].describe(settings.kind, SPLITS.map((split) => ({ split, fileName: SPLIT_FILES[split] })));
}

/** manifest.json's text; `files` are every other file of the export. */
export function manifestText(project: string, settings: ExportSettings, tally: ExportTally, files: WrittenFile[], createdAt: Date): string {
  return renderManifest({
    project,
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
    createdAt,
  });
}

/** Files sorted by path (the manifest's order). */
export function sortFiles(files: Iterable<WrittenFile>): WrittenFile[] {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
