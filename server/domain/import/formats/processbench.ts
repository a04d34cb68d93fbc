import { z } from 'zod';
import { describeIssue } from '../describe-issue';
import { contentId, type AdaptedRecord } from './adapted';

/** The annotator that ProcessBench's human labels are imported under. */
export const PROCESSBENCH_ANNOTATOR = 'processbench';

const ProcessBenchItemSchema = z.object({
  id: z.union([z.string().trim().min(1), z.number().int()]),
  generator: z.string().trim().min(1),
  problem: z.string().min(1, 'must not be empty'),
  steps: z.array(z.string()).min(1),
  final_answer_correct: z.boolean().nullish(),
  label: z.number().int().min(-1),
});

/**
 * One ProcessBench item (SPEC §3.2) → a native line.
 * - Problem id: ProcessBench has none (item ids are per solution, "gsm8k-17"), so it is
 *   `pb-` + the first 16 hex digits of sha256(problem text): the same text is the same problem,
 *   across items and across the gsm8k / math / … splits.
 * - Solution id = the item id; model = `generator`; the item's split (the id before its last
 *   "-") and `final_answer_correct` (true is possible with label ≥ 0) go to solution metadata.
 * - `label` becomes a submitted annotation by `processbench`: -1 → correct; k ≥ 0 → incorrect
 *   with firstErrorStep k (0-based, as ProcessBench counts). No stepRatings: exports derive
 *   "steps before k good, k bad, later ones unknown" from firstErrorStep.
 */
export function adaptProcessBench(value: unknown): AdaptedRecord {
  const parsed = ProcessBenchItemSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: describeIssue(parsed.error.issues, value) };
  const item = parsed.data;
  if (item.label >= item.steps.length) {
    return { ok: false, reason: `label: ${item.label} is beyond the item's ${item.steps.length} steps (0-based, -1 = no error)` };
  }
  const id = String(item.id);
  const split = id.includes('-') ? id.slice(0, id.lastIndexOf('-')) : null;
  return {
    ok: true,
    draftAnnotators: [],
    line: {
      problem: { id: contentId('pb', item.problem), question: item.problem, source: 'ProcessBench' },
      solution: {
        id, model: item.generator, steps: item.steps,
        metadata: { processbench: { split, label: item.label, final_answer_correct: item.final_answer_correct ?? null } },
      },
      annotations: [{
        annotator: PROCESSBENCH_ANNOTATOR,
        verdict: item.label >= 0 ? 'incorrect' : 'correct',
        firstErrorStep: item.label >= 0 ? item.label : null,
      }],
    },
  };
}
