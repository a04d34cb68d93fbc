import type { Database } from '../../db/connection';
import type { ExportSolution } from '../../domain/export/records';
import type { ExportSettings } from './export-options';
import { judgeForExport, type ExportJudgment } from './final-judgment';
import { exportPages, loadSolutionTexts, type ExportItem } from './export-source';

/**
 * Reflection's fallback target (SPEC §5): "another solution of the same problem whose final
 * verdict is correct (latest round first)", then the lowest id. Found in a first streaming
 * pass under the same policy and filters as the export itself; it keeps one solution id per
 * problem (memory O(problems)), and the second pass loads the chosen texts page by page.
 */
export async function findCorrectSiblings(db: Database, projectId: number, settings: ExportSettings): Promise<Map<number, number>> {
  const best = new Map<number, { id: number; round: number }>();
  const pages = exportPages(db, projectId, settings.filter, { pageSize: settings.pageSize, withProblems: false });
  for await (const page of pages) {
    for (const item of page) {
      if (!item.solution.steps.some((step) => step.trim() !== '')) continue;
      const result = judgeForExport(item, settings);
      if (!result.ok || result.judgment.verdict !== 'correct') continue;
      const current = best.get(item.problemId);
      // Pages come in id order, so an equal round never replaces the lower id already kept.
      if (!current || item.round > current.round) best.set(item.problemId, { id: item.solutionId, round: item.round });
    }
  }
  return new Map([...best].map(([problemId, chosen]) => [problemId, chosen.id]));
}

/**
 * For one page: the sibling text of every incorrect solution that has no corrected solution
 * of its own, keyed by the incorrect solution's id.
 */
export async function loadAlternatives(
  db: Database,
  merged: ReadonlyArray<{ item: ExportItem; result: ExportJudgment }>,
  siblings: ReadonlyMap<number, number>,
): Promise<Map<number, ExportSolution>> {
  const wanted = new Map<number, number>();
  for (const { item, result } of merged) {
    if (!result.ok || result.judgment.verdict !== 'incorrect') continue;
    if ((result.judgment.correctedSolution ?? []).some((step) => step.trim() !== '')) continue;
    const sibling = siblings.get(item.problemId);
    if (sibling !== undefined && sibling !== item.solutionId) wanted.set(item.solutionId, sibling);
  }
  const texts = await loadSolutionTexts(db, [...new Set(wanted.values())]);
  const alternatives = new Map<number, ExportSolution>();
  for (const [solutionId, sibling] of wanted) {
    const text = texts.get(sibling);
    if (text) alternatives.set(solutionId, text);
  }
  return alternatives;
}
