import type { Database } from '../../db/connection';
import type { ExportSolution } from '../../domain/export/records';
import type { ExportSettings } from './export-options';
import { judgeForExport, type ExportJudgment } from './final-judgment';
import { problemsSolutions, type ExportItem } from './export-source';

/**
 * Reflection's fallback target (SPEC §5): "another solution of the same problem whose final
 * verdict is correct (latest round first)", then the lowest id — under the same policy and
 * filters as the export itself.
 *
 * Found per page and only for the problems that need one (an incorrect solution without a
 * corrected solution of its own): their solutions are loaded and judged, so an export whose
 * annotators wrote corrected solutions reads nothing twice, and memory holds one page's
 * problems, never the project's.
 */
export async function loadAlternatives(
  db: Database,
  projectId: number,
  settings: ExportSettings,
  merged: ReadonlyArray<{ item: ExportItem; result: ExportJudgment }>,
): Promise<Map<number, ExportSolution>> {
  const needing = new Map<number, number[]>();
  for (const { item, result } of merged) {
    if (!result.ok || result.judgment.verdict !== 'incorrect') continue;
    if ((result.judgment.correctedSolution ?? []).some((step) => step.trim() !== '')) continue;
    const list = needing.get(item.problemId) ?? [];
    list.push(item.solutionId);
    needing.set(item.problemId, list);
  }
  const best = new Map<number, ExportItem>();
  for (const candidate of await problemsSolutions(db, projectId, settings.filter, settings.policy.sources, [...needing.keys()])) {
    if (!candidate.solution.steps.some((step) => step.trim() !== '')) continue;
    const result = judgeForExport(candidate, settings);
    if (!result.ok || result.judgment.verdict !== 'correct') continue;
    const current = best.get(candidate.problemId);
    // Candidates come in id order, so an equal round never replaces the lower id already kept.
    if (!current || candidate.round > current.round) best.set(candidate.problemId, candidate);
  }
  const alternatives = new Map<number, ExportSolution>();
  for (const [problemId, solutionIds] of needing) {
    const sibling = best.get(problemId);
    if (!sibling) continue;
    for (const id of solutionIds) if (id !== sibling.solutionId) alternatives.set(id, sibling.solution);
  }
  return alternatives;
}
