import { z } from 'zod';
import { StepRatingSchema } from '../../../../shared/schemas/annotation';
import { describeIssue } from '../describe-issue';
import { contentId, type AdaptedRecord } from './adapted';

const CompletionSchema = z.object({ text: z.string(), rating: StepRatingSchema.optional().default(null) });

const Prm800kRecordSchema = z.object({
  labeler: z.string().trim().min(1),
  timestamp: z.string().nullish(),
  generation: z.number().nullish(),
  is_quality_control_question: z.boolean().nullish(),
  is_initial_screening_question: z.boolean().nullish(),
  question: z.object({
    problem: z.string().min(1, 'must not be empty'),
    ground_truth_answer: z.string().nullish(),
    pre_generated_steps: z.array(z.string()).nullish(),
    pre_generated_answer: z.string().nullish(),
  }),
  label: z.object({
    steps: z.array(z.object({
      completions: z.array(CompletionSchema),
      human_completion: z.object({ text: z.string() }).nullish(),
      chosen_completion: z.number().int().min(0).nullish(),
    })),
    total_time: z.number().min(0).nullish(),
    finish_reason: z.enum(['found_error', 'solution', 'bad_problem', 'give_up']),
  }),
});
type Prm800kRecord = z.infer<typeof Prm800kRecordSchema>;
type Rating = -1 | 0 | 1 | null;

/** Model name of PRM800K's generated solutions (the dataset names only a generation number). */
export const PRM800K_MODEL = 'prm800k';
const MAX_INT32 = 2_147_483_647;

/**
 * One PRM800K record (phase 1 or 2, SPEC §3.2) → a native line with one annotation by `labeler`.
 *
 * Which completion a step stands for: `chosen_completion` when set; when null, completion 0 —
 * the only one, or (phase 2) the pre-generated step the labeler rated, which PRM800K lists first
 * (checked on the real sample). Its rating is the step's rating; null stays null.
 * - Phase 2 (the record has `pre_generated_steps` and every labelled step's rated completion is
 *   that pre-generated step): the solution is the whole pre-generated solution; steps after the
 *   last labelled one get a null rating. Several labelers of one generation share the solution.
 * - Otherwise (phase 1) the solution is the labelled steps' completions, in order.
 * Ids: problem `prm800k-` + sha256(problem)[0:16]; solution `prm800k-` + sha256([problem, steps]).
 * Verdict: incorrect with firstErrorStep = the first step rated -1, else correct (also for
 * bad_problem and give_up records, whose flag / draft status is what matters downstream).
 * A phase-2 record may label no step (a problem flagged bad at once): all ratings are null.
 * `finish_reason`: bad_problem → badProblem flag; give_up → the annotation stays a draft.
 * A labeler's own `human_completion`s are kept in solution metadata (`prm800k.humanCompletions`).
 */
export function adaptPrm800k(value: unknown): AdaptedRecord {
  const parsed = Prm800kRecordSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: describeIssue(parsed.error.issues, value) };
  const record = parsed.data;
  const picked: { text: string; rating: Rating }[] = [];
  for (const [i, step] of record.label.steps.entries()) {
    const at = step.chosen_completion ?? 0;
    const completion = step.completions[at];
    if (!completion) {
      const what = step.chosen_completion == null ? 'has no completions' : `chosen_completion ${at} is beyond its ${step.completions.length} completions`;
      return { ok: false, reason: `label.steps[${i}]: ${what}` };
    }
    picked.push(completion);
  }

  const { question, label } = record;
  const pre = question.pre_generated_steps ?? [];
  const phase2 = pre.length > 0 && pre.length >= picked.length
    && record.label.steps.every((step, i) => step.completions.some((c) => c.text === pre[i]));
  // A labeler can flag a bad problem before rating any step: only phase 2 then has a solution.
  if (!phase2 && picked.length === 0) return { ok: false, reason: 'label.steps: empty, and no pre_generated_steps: there is no solution to import' };
  const steps = phase2 ? pre : picked.map((p) => p.text);
  const ratings: Rating[] = phase2
    ? pre.map((text, i) => record.label.steps[i]?.completions.find((c) => c.text === text)?.rating ?? null)
    : picked.map((p) => p.rating);
  const firstError = ratings.indexOf(-1);
  const finalAnswer = phase2 ? (question.pre_generated_answer ?? null) : answerIn(steps.at(-1) ?? '');

  return {
    ok: true,
    draftAnnotators: label.finish_reason === 'give_up' ? [record.labeler] : [],
    line: {
      problem: { id: contentId('prm800k', question.problem), question: question.problem, answer: question.ground_truth_answer ?? null, source: 'PRM800K' },
      solution: {
        id: contentId('prm800k', JSON.stringify([question.problem, steps])),
        model: PRM800K_MODEL, steps, finalAnswer, metadata: { prm800k: metadataOf(record, phase2) },
      },
      annotations: [{
        annotator: record.labeler,
        verdict: firstError >= 0 ? 'incorrect' : 'correct',
        firstErrorStep: firstError >= 0 ? firstError : null,
        stepRatings: ratings,
        flags: { badProblem: label.finish_reason === 'bad_problem' },
        timeSpentMs: Math.min(MAX_INT32, Math.round(label.total_time ?? 0)),
      }],
    },
  };
}

/** PRM800K phase-1 completions end with "# Answer\n\n<answer>". */
function answerIn(lastStep: string): string | null {
  const match = /#\s*Answer\s*\n+([\s\S]+)$/.exec(lastStep);
  return match?.[1]?.trim() || null;
}

function metadataOf(record: Prm800kRecord, phase2: boolean): Record<string, unknown> {
  const humanCompletions = record.label.steps.flatMap((step, i) =>
    step.human_completion ? [{ step: i, text: step.human_completion.text, labeler: record.labeler }] : []);
  return {
    phase: phase2 ? 2 : 1,
    generation: record.generation ?? null,
    finishReason: record.label.finish_reason,
    ...(humanCompletions.length > 0 ? { humanCompletions } : {}),
  };
}
