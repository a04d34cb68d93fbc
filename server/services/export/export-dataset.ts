import type { Database } from '../../db/connection';
import { FORMATS } from '../../domain/export/formats';
import { imagePath } from '../../domain/export/image-files';
import { KINDS, type ExportSolution, type ImageRef } from '../../domain/export/records';
import { assignSplit, SPLITS } from '../../domain/export/split';
import { MERGE_LEFT_OUT_REASONS, MERGE_SOURCES, resolveJudgment, type MergeResult, type MergeSource } from '../../domain/merge/merge';
import { recordAudit } from '../audit';
import { getProject } from '../projects';
import { DatasetWriter, SPLIT_FILES } from './dataset-writer';
import { ExportFolder } from './export-files';
import { resolveExportSettings, type ExportOptions, type ExportSettings } from './export-options';
import { countSolutions, exportPages, type ExportItem } from './export-source';
import { writeImages } from './export-images';
import { findCorrectSiblings, loadAlternatives } from './correct-siblings';
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
 * id order a page at a time; every solution the filters select is either written or counted
 * under a left-out reason. Same data and options → byte-identical files except the
 * manifest's `createdAt`.
 */
export async function exportDataset(db: Database, options: ExportOptions): Promise<ExportSummary> {
  const project = await getProject(db, options.project);
  const settings = resolveExportSettings(options, project.overlap);
  const kind = KINDS[settings.kind];
  const format = FORMATS[settings.format];
  const folder = await ExportFolder.create(options.outDir);
  const tally = new ExportTally([...MERGE_LEFT_OUT_REASONS, ...kind.leftOutReasons]);
  let writer: DatasetWriter | undefined;
  try {
    writer = new DatasetWriter(folder);
    const siblings = kind.needsAlternative ? await findCorrectSiblings(db, project.id, settings) : new Map<number, number>();
    const filter = { round: settings.round };
    const total = options.onProgress ? await countSolutions(db, project.id, filter) : 0;
    let done = 0;
    for await (const page of exportPages(db, project.id, filter, { pageSize: settings.pageSize, withProblems: true })) {
      const merged = page.map((item) => ({ item, result: resolveJudgment(item.merge, settings.policy) }));
      const alternatives = kind.needsAlternative ? await loadAlternatives(db, merged, siblings) : new Map<number, ExportSolution>();
      const images = new Map<string, ImageRef>();
      for (const { item, result } of merged) {
        const alternative = alternatives.get(item.solutionId) ?? null;
        const written = await exportOne(item, result, alternative, { settings, tally, writer });
        for (const image of written) images.set(imagePath(image), image);
      }
      await writeImages(db, folder, images);
      done += page.length;
      options.onProgress?.(done, total);
    }
    await writer.finish();
    for (const file of format.describe(SPLITS.map((split) => ({ split, fileName: SPLIT_FILES[split] })))) {
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

/** Writes one solution's record, or counts why it is left out; returns the images it uses. */
async function exportOne(
  item: ExportItem,
  result: MergeResult,
  alternative: ExportSolution | null,
  { settings, tally, writer }: { settings: ExportSettings; tally: ExportTally; writer: DatasetWriter },
): Promise<readonly ImageRef[]> {
  if (!result.ok) {
    tally.leaveOut(result.reason);
    return [];
  }
  const problem = item.problem;
  if (!problem) throw new Error(`solution ${item.solutionExternalId} was read without its problem`);
  const built = KINDS[settings.kind].build({
    problem,
    solution: item.solution,
    judgment: result.judgment,
    alternative,
    ...(settings.reflectionTemplate === null ? {} : { reflectionTemplate: settings.reflectionTemplate }),
  });
  if (!built.ok) {
    tally.leaveOut(built.reason);
    return [];
  }
  const split = assignSplit(settings.seed, problem.externalId, settings.valFraction);
  await writer.write(split, FORMATS[settings.format].renderLine(built.record), {
    solutionId: item.solutionExternalId,
    problemId: problem.externalId,
    round: item.round,
    source: result.source,
    annotators: result.annotators,
    agreement: result.agreement,
  });
  tally.record(split, result.source);
  return built.record.images;
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
    filters: { round: settings.round ?? null },
    split: { valFraction: settings.valFraction, seed: settings.seed },
    images: 'copy' as const,
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
