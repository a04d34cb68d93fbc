import { differingFields, digest } from './digest';
import type { AnnotationRecord, NativeRecord, OrmRecord } from './native-line';

/**
 * Decides what one good line adds, given what is already known (stored, or added by an earlier
 * line of the same import). Rules (SPEC §3.1): ids are the identity; a problem, solution, ORM
 * judgment or annotation that exists must be equal in its compared fields, else the line is bad;
 * what does not exist yet is added. A bad line changes nothing in `known`, so later lines are
 * judged as if it were not in the file.
 *
 * Compared fields use the file's names so the reason points at what to edit. Derived values
 * (the parsed error_step index, metadata) are not compared: improving the step parser must not
 * turn a re-import into conflicts.
 */
export const PROBLEM_FIELDS = ['question', 'answer', 'subject', 'source', 'images'] as const;
export const SOLUTION_FIELDS = ['steps', 'model', 'round', 'problem', 'finalAnswer'] as const;
export const ORM_FIELDS = ['status', 'error_step', 'error_analysis', 'improvement_suggestion', 'score'] as const;
export const ANNOTATION_FIELDS = [
  'status', 'verdict', 'firstErrorStep', 'stepRatings', 'errorType', 'errorAnalysis', 'improvementSuggestion',
  'correctedSolution', 'regions', 'flags', 'timeSpentMs',
] as const;

/** Digests by id. Keys: problem and solution external ids; `solution\0model`; `solution\0annotator`. */
export class KnownState {
  readonly problems = new DigestMap();
  readonly solutions = new DigestMap();
  readonly orm = new DigestMap();
  readonly annotations = new DigestMap();
}

/**
 * Digests by key, some of them computed only when first read. Most ids of an import are new
 * and nothing is ever compared with them, so a line's digests are deferred until a later line
 * with the same id needs them. At most PENDING_LIMIT are deferred at a time (each holds its
 * line's record alive); beyond that they are all computed, so a long-lived state (a strict
 * import's validation pass) still holds digests, not records.
 */
export class DigestMap {
  private readonly byKey = new Map<string, string | (() => string)>();
  private pending: string[] = [];

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  get(key: string): string | undefined {
    const entry = this.byKey.get(key);
    if (typeof entry !== 'function') return entry;
    const value = entry();
    this.byKey.set(key, value);
    return value;
  }

  set(key: string, digest: string): void {
    this.byKey.set(key, digest);
  }

  /** Every entry, each digest computed if it was not yet. */
  *entries(): Generator<[string, string]> {
    for (const key of this.byKey.keys()) yield [key, this.get(key) as string];
  }

  /** `compute` must give the same digest whenever it is called (it reads a record no one changes). */
  setDeferred(key: string, compute: () => string): void {
    this.byKey.set(key, compute);
    this.pending.push(key);
    if (this.pending.length > PENDING_LIMIT) {
      for (const pendingKey of this.pending) this.get(pendingKey);
      this.pending = [];
    }
  }
}

const PENDING_LIMIT = 2000;

export const pairKey = (solutionExternalId: string, name: string): string => `${solutionExternalId}\0${name}`;

export type LinePlan =
  | { ok: false; reason: string }
  | { ok: true; newProblem: boolean; newSolution: boolean; newOrm: OrmRecord[]; newAnnotations: AnnotationRecord[] };

/*
 * The compared values are listed field by field, never as `{ ...record, extra }`: V8 gives the
 * result of a spread a hidden class of its own with no transition back to a shared one, so
 * adding a property to it creates a new hidden class (and descriptor array) for every object.
 * Those are allocated in the old generation: two per imported line made the heap grow with the
 * length of the file (about 0.5 KB a line, ~50 MB over 100,000 lines) until a full GC.
 */

export function problemDigest(p: { question: string; answer: string | null; subject: string | null; source: string | null }, imageShas: readonly string[]): string {
  return digest(PROBLEM_FIELDS, { question: p.question, answer: p.answer, subject: p.subject, source: p.source, images: imageShas });
}

export function solutionDigest(s: { steps: string[]; model: string; round: number; finalAnswer: string | null }, problemExternalId: string): string {
  return digest(SOLUTION_FIELDS, { steps: s.steps, model: s.model, round: s.round, problem: problemExternalId, finalAnswer: s.finalAnswer });
}

export function ormDigest(o: Pick<OrmRecord, 'status' | 'errorStep' | 'errorAnalysis' | 'improvementSuggestion' | 'score'>): string {
  return digest(ORM_FIELDS, {
    status: o.status,
    error_step: o.errorStep,
    error_analysis: o.errorAnalysis,
    improvement_suggestion: o.improvementSuggestion,
    score: o.score,
  });
}

/** The compared fields of an annotation, as stored or as imported. */
export interface AnnotationFields {
  status: string;
  verdict: string | null;
  firstErrorStep: number | null;
  stepRatings: readonly unknown[] | null;
  errorType: string | null;
  errorAnalysis: string;
  improvementSuggestion: string;
  correctedSolution: readonly string[] | null;
  regions: readonly unknown[];
  badProblem: boolean;
  unsure: boolean;
  timeSpentMs: number;
}

/** Imported annotations are stored as submitted; a stored draft therefore differs in `status`. */
export function annotationDigest(a: AnnotationFields): string {
  return annotationDigestAs(a, a.status);
}

function annotationDigestAs(a: Omit<AnnotationFields, 'status'>, status: string): string {
  return digest(ANNOTATION_FIELDS, {
    status, verdict: a.verdict, firstErrorStep: a.firstErrorStep, stepRatings: a.stepRatings, errorType: a.errorType,
    errorAnalysis: a.errorAnalysis, improvementSuggestion: a.improvementSuggestion, correctedSolution: a.correctedSolution,
    regions: a.regions, flags: { badProblem: a.badProblem, unsure: a.unsure }, timeSpentMs: a.timeSpentMs,
  });
}

/**
 * `imageShas`: sha256 of each of the line's images, in the order of `problem.images`.
 * A part that is new is recorded with a deferred digest (see DigestMap): it is computed only if
 * a later line brings the same id.
 */
export function planLine(known: KnownState, record: NativeRecord, imageShas: readonly string[]): LinePlan {
  const { problem, solution } = record;
  const regionProblem = checkRegions(record.annotations, imageShas);
  if (regionProblem) return { ok: false, reason: regionProblem };

  const storedProblem = known.problems.get(problem.externalId);
  if (storedProblem !== undefined) {
    const incoming = problemDigest(problem, imageShas);
    if (storedProblem !== incoming) return conflict(`problem ${problem.externalId}`, differingFields(PROBLEM_FIELDS, storedProblem, incoming));
  }
  const storedSolution = known.solutions.get(solution.externalId);
  if (storedSolution !== undefined) {
    const incoming = solutionDigest(solution, problem.externalId);
    if (storedSolution !== incoming) return conflict(`solution ${solution.externalId}`, differingFields(SOLUTION_FIELDS, storedSolution, incoming));
  }

  const newOrm: OrmRecord[] = [];
  for (const judgment of record.orm) {
    const stored = known.orm.get(pairKey(solution.externalId, judgment.model));
    if (stored === undefined) newOrm.push(judgment);
    else {
      const incoming = ormDigest(judgment);
      if (stored !== incoming) return conflict(`the ORM judgment of ${judgment.model}`, differingFields(ORM_FIELDS, stored, incoming));
    }
  }
  const newAnnotations: AnnotationRecord[] = [];
  for (const annotation of record.annotations) {
    const stored = known.annotations.get(pairKey(solution.externalId, annotation.annotator));
    if (stored === undefined) newAnnotations.push(annotation);
    else {
      const incoming = importedAnnotationDigest(annotation);
      if (stored !== incoming) return conflict(`the annotation by ${annotation.annotator}`, differingFields(ANNOTATION_FIELDS, stored, incoming));
    }
  }

  // Every check passed: only now does the line become known to the lines after it. The deferred
  // digests are inline arrows, not named consts: tsx (esbuild keepNames) would redefine a named
  // closure's `name`, turning every one of them into a dictionary-mode object.
  if (storedProblem === undefined) known.problems.setDeferred(problem.externalId, () => problemDigest(problem, imageShas));
  if (storedSolution === undefined) known.solutions.setDeferred(solution.externalId, () => solutionDigest(solution, problem.externalId));
  for (const o of newOrm) known.orm.setDeferred(pairKey(solution.externalId, o.model), () => ormDigest(o));
  for (const a of newAnnotations) known.annotations.setDeferred(pairKey(solution.externalId, a.annotator), () => importedAnnotationDigest(a));
  return {
    ok: true,
    newProblem: storedProblem === undefined,
    newSolution: storedSolution === undefined,
    newOrm,
    newAnnotations,
  };
}

function importedAnnotationDigest(annotation: AnnotationRecord): string {
  return annotationDigestAs(annotation, annotation.status ?? 'submitted');
}

/** Regions mark the problem's own images; anything else could not be drawn. */
function checkRegions(annotations: readonly AnnotationRecord[], imageShas: readonly string[]): string | null {
  for (const [i, annotation] of annotations.entries()) {
    const at = annotation.regions.findIndex((region) => !imageShas.includes(region.imageSha256));
    if (at >= 0) return `annotations[${i}].regions[${at}].imageSha256 is not the sha256 of one of the problem's images`;
  }
  return null;
}

const PLURAL_FIELDS = new Set(['images', 'steps', 'stepRatings', 'regions', 'flags']);

function conflict(what: string, fields: string[]): LinePlan {
  const list = fields.length <= 1 ? (fields[0] ?? 'content') : `${fields.slice(0, -1).join(', ')} and ${fields.at(-1)}`;
  const verb = fields.length > 1 || PLURAL_FIELDS.has(fields[0] ?? '') ? 'differ' : 'differs';
  return { ok: false, reason: `${what} conflicts with the stored one (${list} ${verb})` };
}
