import { copiedImage, FORMATS, type ImageLocator } from '../../domain/export/formats';
import { imagePath } from '../../domain/export/image-files';
import { buildPreferenceRecord, hasSteps, preferencePairs } from '../../domain/export/preference-record';
import type { ImageRef } from '../../domain/export/records';
import { assignSplit } from '../../domain/export/split';
import type { MergeSource } from '../../domain/merge/merge';
import { inlineImages } from './export-images';
import type { ExportContext } from './export-records';
import { countSolutions, exportPages, loadProblems, loadSolutionTexts } from './export-source';
import { judgeForExport } from './final-judgment';

/** Reasons a solution stands in no preference pair, besides the merge's and min agreement's. */
export const PREFERENCE_LEFT_OUT_REASONS = ['no_steps', 'no_counterpart', 'over_pair_cap'] as const;

/** What the first pass keeps per resolved solution: numbers only. */
interface Candidate {
  id: number;
  round: number;
  source: MergeSource;
  annotators: number;
  agreement: number | null;
}

interface ProblemSides {
  correct: Candidate[];
  incorrect: Candidate[];
}

/**
 * preference (SPEC §5), in two passes. Pass 1 streams the solutions the filters select,
 * resolves each, and keeps per problem the numeric facts of its correct and incorrect
 * solutions (no text). Pass 2 walks problems in id order, a batch at a time: it loads the
 * batch's texts, pairs each problem (preference-record.ts: round desc, external id asc,
 * cartesian product, first `maxPairsPerProblem`) and writes one record per pair. Provenance:
 * `solutionId`, `round`, `source`, `annotators`, `agreement` are the chosen solution's, plus
 * `rejectedSolutionId`. Solutions in no pair are counted: `no_counterpart` when the problem
 * lacks a correct or an incorrect solution, `over_pair_cap` when the cap left them out.
 */
export async function writePreferenceRecords(ctx: ExportContext): Promise<void> {
  const sides = await collectSides(ctx);
  const problemIds = [...sides.keys()].sort((a, b) => a - b);
  let start = 0;
  while (start < problemIds.length) {
    // A batch holds at least one problem and, past that, at most pageSize solutions.
    let end = start;
    let solutions = 0;
    while (end < problemIds.length) {
      const side = sides.get(problemIds[end]!)!;
      const size = side.correct.length + side.incorrect.length;
      if (end > start && solutions + size > ctx.settings.pageSize) break;
      solutions += size;
      end += 1;
    }
    await writeBatch(ctx, problemIds.slice(start, end), sides);
    start = end;
  }
}

async function collectSides({ db, projectId, settings, tally, onProgress }: ExportContext): Promise<Map<number, ProblemSides>> {
  const sides = new Map<number, ProblemSides>();
  const total = onProgress ? await countSolutions(db, projectId, settings.filter) : 0;
  let done = 0;
  for await (const page of exportPages(db, projectId, settings.filter, { pageSize: settings.pageSize, withProblems: false, sources: settings.policy.sources })) {
    for (const item of page) {
      const result = judgeForExport(item, settings);
      if (!result.ok) tally.leaveOut(result.reason);
      else if (!hasSteps(item.solution)) tally.leaveOut('no_steps');
      else {
        const side = sides.get(item.problemId) ?? { correct: [], incorrect: [] };
        const { source, annotators, agreement } = result;
        side[result.judgment.verdict === 'correct' ? 'correct' : 'incorrect'].push({ id: item.solutionId, round: item.round, source, annotators, agreement });
        sides.set(item.problemId, side);
      }
    }
    done += page.length;
    onProgress?.(done, total);
  }
  return sides;
}

async function writeBatch(ctx: ExportContext, problemIds: number[], sides: ReadonlyMap<number, ProblemSides>): Promise<void> {
  const { db, settings, tally, sink } = ctx;
  const problems = await loadProblems(db, problemIds);
  const texts = await loadSolutionTexts(db, problemIds.flatMap((id) => [...sides.get(id)!.correct, ...sides.get(id)!.incorrect].map((c) => c.id)));
  const locate: ImageLocator =
    settings.images === 'inline' && sink.needsText ? await inlineImages(db, [...problems.values()].map((problem) => ({ problem }))) : copiedImage;
  const images = new Map<string, ImageRef>();
  for (const problemId of problemIds) {
    const side = sides.get(problemId)!;
    const problem = problems.get(problemId);
    if (!problem) throw new Error(`problem ${problemId} vanished during the export`);
    const named = (c: Candidate) => ({ ...c, externalId: texts.get(c.id)?.externalId ?? '' });
    const pairs = preferencePairs(side.correct.map(named), side.incorrect.map(named), settings.maxPairsPerProblem);
    const used = new Set(pairs.flatMap(([c, r]) => [c.id, r.id]));
    const unused = side.correct.length + side.incorrect.length - used.size;
    for (let i = 0; i < unused; i += 1) tally.leaveOut(pairs.length === 0 ? 'no_counterpart' : 'over_pair_cap');
    const split = assignSplit(settings.seed, problem.externalId, settings.valFraction);
    for (const [chosen, rejected] of pairs) {
      const record = buildPreferenceRecord(problem, texts.get(chosen.id)!, texts.get(rejected.id)!);
      await sink.record(split, () => FORMATS[settings.format].renderLine(record, locate), {
        solutionId: chosen.externalId,
        problemId: problem.externalId,
        round: chosen.round,
        source: chosen.source,
        annotators: chosen.annotators,
        agreement: chosen.agreement,
        rejectedSolutionId: rejected.externalId,
      });
      tally.record(split, chosen.source);
      for (const image of record.images) images.set(imagePath(image), image);
    }
  }
  if (settings.images === 'copy') await sink.images(images);
}
