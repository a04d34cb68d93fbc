import type { ExportFormat } from './formats';
import type { ExportKind } from './records';

/**
 * One sentence per kind × format where Redline chose a mapping the SPEC leaves open; the
 * manifest records it (`recordShape`) so a reader of the folder alone knows what the lines mean.
 */
export function recordShapeNote(kind: ExportKind, format: ExportFormat): string | null {
  if (kind === 'prm') {
    const labels =
      'labels: per-step ratings when complete (1 → true, -1 → false, 0 → --neutral), else steps before the first error true, the first error false, later steps dropped; correct solutions all true';
    if (format === 'trl') return `{"prompt","completions","labels","images"}; ${labels}`;
    return `multi-turn chat: user = question + blank line + step 1, then each later step alone; assistant after each step = "+" (true) or "-" (false); ${labels}`;
  }
  if (kind === 'preference') {
    return 'pairs per problem: correct (chosen) and incorrect (rejected) solutions each sorted by round descending then external id ascending; cartesian product in that order, chosen outer; first maxPairsPerProblem pairs; provenance is the chosen solution plus rejectedSolutionId';
  }
  if (kind === 'orm') {
    return 'assistant = {"status":"CORRECT"|"WRONG","error_step":"Step N"|"","error_analysis","improvement_suggestion"} (1-based step; "" when correct or when no step was named)';
  }
  return null;
}
