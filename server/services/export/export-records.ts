import type { Database } from '../../db/connection';
import { copiedImage, FORMATS, type ImageLocator } from '../../domain/export/formats';
import { imagePath } from '../../domain/export/image-files';
import { KINDS, type ExportSolution, type ImageRef, type RecordKind } from '../../domain/export/records';
import { splitter, type Split } from '../../domain/export/split';
import { ratingsFor } from '../../domain/export/step-ratings';
import { loadAlternatives } from './correct-siblings';
import type { DatasetSink } from './dataset-sink';
import { inlineImages } from './export-images';
import type { ExportSettings } from './export-options';
import { countSolutions, exportPages, type ExportItem } from './export-source';
import { judgeForExport, type ExportJudgment } from './final-judgment';
import type { ExportTally } from './manifest';

/** What the record writers share with the use case (export-dataset.ts). */
export interface ExportContext {
  db: Database;
  projectId: number;
  settings: ExportSettings;
  sink: DatasetSink;
  tally: ExportTally;
  onProgress: ((done: number, total: number) => void) | undefined;
}

/**
 * The kinds built from one solution (sft, reflection, orm, prm): solutions stream in id order a
 * page at a time; each is written as one record or counted under a left-out reason.
 */
export async function writeSolutionRecords(ctx: ExportContext, kindName: RecordKind): Promise<void> {
  const { db, projectId, settings, sink, onProgress } = ctx;
  const kind = KINDS[kindName];
  const total = onProgress ? await countSolutions(db, projectId, settings.filter) : 0;
  const splitOf = splitter(settings.seed, settings.valFraction);
  let done = 0;
  for await (const page of exportPages(db, projectId, settings.filter, { pageSize: settings.pageSize, withProblems: true, sources: settings.policy.sources })) {
    const merged = page.map((item) => ({ item, result: judgeForExport(item, settings) }));
    const alternatives = kind.needsAlternative ? await loadAlternatives(db, projectId, settings, merged) : new Map<number, ExportSolution>();
    const locate: ImageLocator = settings.images === 'inline' && sink.needsText ? await inlineImages(db, page) : copiedImage;
    const images = new Map<string, ImageRef>();
    for (const { item, result } of merged) {
      const written = await exportOne(ctx, kindName, item, result, alternatives.get(item.solutionId) ?? null, locate, splitOf);
      for (const image of written) images.set(imagePath(image), image);
    }
    if (settings.images === 'copy') await sink.images(images);
    done += page.length;
    onProgress?.(done, total);
  }
}

/** Writes one solution's record, or counts why it is left out; returns the images it uses. */
async function exportOne(
  { settings, tally, sink }: ExportContext,
  kind: RecordKind,
  item: ExportItem,
  result: ExportJudgment,
  alternative: ExportSolution | null,
  locate: ImageLocator,
  splitOf: (problemExternalId: string) => Split,
): Promise<readonly ImageRef[]> {
  if (!result.ok) {
    tally.leaveOut(result.reason);
    return [];
  }
  const problem = item.problem;
  if (!problem) throw new Error(`solution ${item.solutionExternalId} was read without its problem`);
  const built = KINDS[kind].build({
    problem,
    solution: item.solution,
    judgment: result.judgment,
    alternative,
    stepRatings: ratingsFor(result.source, result.judgment, item.ratings),
    neutral: settings.neutral,
    // Not a conditional spread: object spread per record ends up in the old generation (see loadMergeInputs).
    reflectionTemplate: settings.reflectionTemplate ?? undefined,
  });
  if (!built.ok) {
    tally.leaveOut(built.reason);
    return [];
  }
  const split = splitOf(problem.externalId);
  await sink.record(split, () => FORMATS[settings.format].renderLine(built.record, locate), {
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
