import { checkSubmittable, type Region } from '../../../shared/schemas/annotation';
import { NativeLineSchema, type NativeAnnotation, type NativeOrm } from '../../../shared/schemas/native-import';
import { parseErrorStep } from '../steps/parse-error-step';
import { splitSteps } from '../steps/split-steps';
import { describeIssue } from './describe-issue';
import { parseJsonLine } from './json-line';

/**
 * One line of the native JSONL format (SPEC §3.1), checked and normalised into what the importer
 * stores. Pure: image references are listed, not read. Step indices are 0-based throughout.
 */
export interface NativeRecord {
  lineNo: number;
  problem: {
    externalId: string;
    question: string;
    answer: string | null;
    subject: string | null;
    source: string | null;
    metadata: Record<string, unknown> | null;
    /** As written in the file: relative paths or data: URLs, in display order. */
    imageRefs: string[];
  };
  solution: {
    externalId: string;
    model: string;
    round: number;
    steps: string[];
    /** The text the steps were split from, when the line gave `text` rather than `steps`. */
    rawText: string | null;
    finalAnswer: string | null;
    metadata: Record<string, unknown> | null;
  };
  orm: OrmRecord[];
  annotations: AnnotationRecord[];
}

export interface OrmRecord {
  model: string;
  status: 'CORRECT' | 'WRONG';
  /** As the ORM wrote it; a number in the file is kept as its text. */
  errorStep: string | null;
  /** 0-based; null when CORRECT, absent or unreadable. */
  errorStepIndex: number | null;
  /** The ORM named a step we could not resolve: flagged for humans. */
  stepUnclear: boolean;
  errorAnalysis: string | null;
  improvementSuggestion: string | null;
  score: number | null;
}

export interface AnnotationRecord {
  annotator: string;
  verdict: 'correct' | 'incorrect';
  firstErrorStep: number | null;
  stepRatings: (-1 | 0 | 1 | null)[] | null;
  errorType: string | null;
  errorAnalysis: string;
  improvementSuggestion: string;
  correctedSolution: string[] | null;
  regions: Region[];
  badProblem: boolean;
  unsure: boolean;
  timeSpentMs: number;
  /** Absent = submitted (native lines); other formats may import drafts (PRM800K give_up). */
  status?: 'draft' | 'submitted';
}

export interface ParseOptions {
  /** Overrides every line's `solution.round` (the CLI's `--round N`). */
  round?: number;
  /** When given, an annotation's `errorType` must be one of these (the project's taxonomy). */
  taxonomy?: readonly string[];
}

export type ParsedLine = { ok: true; record: NativeRecord } | { ok: false; reason: string };

/** Integer columns are 32-bit in PostgreSQL. */
const MAX_INT32 = 2_147_483_647;
const MAX_STEPS = 2000;

export function parseNativeLine(text: string, lineNo: number, opts: ParseOptions = {}): ParsedLine {
  const json = parseJsonLine(text);
  if (!json.ok) return json;
  const parsed = NativeLineSchema.safeParse(json.value);
  if (!parsed.success) return bad(describeIssue(parsed.error.issues, json.value));
  const { problem, solution, orm, annotations } = parsed.data;

  const steps = solution.steps ?? splitSteps(solution.text ?? '');
  if (steps.length === 0) return bad('solution.text: no steps could be read from it');
  if (steps.length > MAX_STEPS) return bad(`solution.text: split into ${steps.length} steps; at most ${MAX_STEPS} are accepted`);

  const ormList = orm === null || orm === undefined ? [] : Array.isArray(orm) ? orm : [orm];
  const ormPrefix = Array.isArray(orm) ? (i: number) => `orm[${i}]` : () => 'orm';
  const ormRecords: OrmRecord[] = [];
  for (const [i, judgment] of ormList.entries()) {
    if (ormList.findIndex((other) => other.model === judgment.model) !== i) {
      return bad(`${ormPrefix(i)}.model: "${judgment.model}" appears twice in this line`);
    }
    ormRecords.push(toOrmRecord(judgment, steps.length));
  }

  const annotationRecords: AnnotationRecord[] = [];
  for (const [i, annotation] of (annotations ?? []).entries()) {
    const record = toAnnotationRecord(annotation);
    const problemText = checkAnnotation(record, steps.length, opts.taxonomy);
    if (problemText) return bad(`annotations[${i}].${problemText}`);
    if (annotationRecords.some((other) => other.annotator === record.annotator)) {
      return bad(`annotations[${i}].annotator: "${record.annotator}" has two annotations in this line`);
    }
    annotationRecords.push(record);
  }

  return {
    ok: true,
    record: {
      lineNo,
      problem: {
        externalId: problem.id,
        question: problem.question,
        answer: problem.answer ?? null,
        subject: problem.subject ?? null,
        source: problem.source ?? null,
        metadata: problem.metadata ?? null,
        imageRefs: problem.images,
      },
      solution: {
        externalId: solution.id,
        model: solution.model,
        round: opts.round ?? solution.round,
        steps,
        rawText: solution.steps === undefined ? (solution.text ?? null) : null,
        finalAnswer: solution.finalAnswer ?? null,
        metadata: solution.metadata ?? null,
      },
      orm: ormRecords,
      annotations: annotationRecords,
    },
  };
}

/** The stored form of an ORM judgment, with `error_step` read against the solution's step count (also the mathse-orm format's). */
export function toOrmRecord(judgment: NativeOrm, stepCount: number): OrmRecord {
  const errorStep = judgment.error_step === null || judgment.error_step === undefined ? null : String(judgment.error_step);
  // A CORRECT verdict blames no step, whatever the error_step field says.
  const parsed = judgment.status === 'CORRECT' ? { index: null, unclear: false } : parseErrorStep(judgment.error_step, stepCount);
  return {
    model: judgment.model,
    status: judgment.status,
    errorStep,
    errorStepIndex: parsed.index,
    stepUnclear: parsed.unclear,
    errorAnalysis: judgment.error_analysis ?? null,
    improvementSuggestion: judgment.improvement_suggestion ?? null,
    score: judgment.score ?? null,
  };
}

function toAnnotationRecord(a: NativeAnnotation): AnnotationRecord {
  const corrected = a.correctedSolution ?? null;
  return {
    annotator: a.annotator,
    verdict: a.verdict,
    firstErrorStep: a.firstErrorStep ?? null,
    stepRatings: a.stepRatings ?? null,
    errorType: a.errorType ?? null,
    errorAnalysis: a.errorAnalysis ?? '',
    improvementSuggestion: a.improvementSuggestion ?? '',
    correctedSolution: typeof corrected === 'string' ? splitSteps(corrected) : corrected,
    regions: a.regions ?? [],
    badProblem: a.flags?.badProblem ?? false,
    unsure: a.flags?.unsure ?? false,
    timeSpentMs: a.timeSpentMs ?? 0,
  };
}

/**
 * The rules a submitted annotation obeys anywhere in Redline (shared `checkSubmittable`), plus
 * range checks that hold even for a bad-problem flag, and storage limits. '' = fine. Every
 * message starts with the field's name, so the caller prefixes `annotations[i].`.
 */
function checkAnnotation(a: AnnotationRecord, stepCount: number, taxonomy: readonly string[] | undefined): string {
  if (a.firstErrorStep !== null && a.firstErrorStep >= stepCount) {
    return `firstErrorStep ${a.firstErrorStep} is beyond the solution's ${stepCount} steps`;
  }
  if (a.stepRatings !== null && a.stepRatings.length !== stepCount) {
    return `stepRatings has ${a.stepRatings.length} entries for ${stepCount} steps`;
  }
  const region = a.regions.findIndex((r) => r.stepIndex !== undefined && r.stepIndex >= stepCount);
  if (region >= 0) return `regions[${region}].stepIndex ${a.regions[region]?.stepIndex} is beyond the solution's ${stepCount} steps`;
  if (a.timeSpentMs > MAX_INT32) return `timeSpentMs ${a.timeSpentMs} is too large (at most ${MAX_INT32})`;
  // Without a taxonomy any error type passes: the caller did not ask for that check.
  const allowed = taxonomy ?? (a.errorType === null ? [] : [a.errorType]);
  const [first] = checkSubmittable({ ...a, flags: { badProblem: a.badProblem, unsure: a.unsure } }, { stepCount, taxonomy: allowed });
  if (first === undefined) return '';
  return first.startsWith('errorType') ? `${first} (${allowed.join(', ')})` : first;
}

function bad(reason: string): ParsedLine {
  return { ok: false, reason };
}
