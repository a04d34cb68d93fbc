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
  readonly problems = new Map<string, string>();
  readonly solutions = new Map<string, string>();
  readonly orm = new Map<string, string>();
  readonly annotations = new Map<string, string>();
}

export const pairKey = (solutionExternalId: string, name: string): string => `${solutionExternalId}\0${name}`;

export type LinePlan =
  | { ok: false; reason: string }
  | { ok: true; newProblem: boolean; newSolution: boolean; newOrm: OrmRecord[]; newAnnotations: AnnotationRecord[] };

export function problemDigest(p: { question: string; answer: string | null; subject: string | null; source: string | null }, imageShas: readonly string[]): string {
  return digest(PROBLEM_FIELDS, { ...p, images: imageShas });
}

export function solutionDigest(s: { steps: string[]; model: string; round: number; finalAnswer: string | null }, problemExternalId: string): string {
  return digest(SOLUTION_FIELDS, { ...s, problem: problemExternalId });
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
  return digest(ANNOTATION_FIELDS, { ...a, flags: { badProblem: a.badProblem, unsure: a.unsure } });
}

/** `imageShas`: sha256 of each of the line's images, in the order of `problem.images`. */
export function planLine(known: KnownState, record: NativeRecord, imageShas: readonly string[]): LinePlan {
  const { problem, solution } = record;
  const regionProblem = checkRegions(record.annotations, imageShas);
  if (regionProblem) return { ok: false, reason: regionProblem };

  const pDigest = problemDigest(problem, imageShas);
  const storedProblem = known.problems.get(problem.externalId);
  if (storedProblem !== undefined && storedProblem !== pDigest) {
    return conflict(`problem ${problem.externalId}`, differingFields(PROBLEM_FIELDS, storedProblem, pDigest));
  }
  const sDigest = solutionDigest(solution, problem.externalId);
  const storedSolution = known.solutions.get(solution.externalId);
  if (storedSolution !== undefined && storedSolution !== sDigest) {
    return conflict(`solution ${solution.externalId}`, differingFields(SOLUTION_FIELDS, storedSolution, sDigest));
  }

  const newOrm: { record: OrmRecord; digest: string }[] = [];
  for (const judgment of record.orm) {
    const d = ormDigest(judgment);
    const stored = known.orm.get(pairKey(solution.externalId, judgment.model));
    if (stored === undefined) newOrm.push({ record: judgment, digest: d });
    else if (stored !== d) return conflict(`the ORM judgment of ${judgment.model}`, differingFields(ORM_FIELDS, stored, d));
  }
  const newAnnotations: { record: AnnotationRecord; digest: string }[] = [];
  for (const annotation of record.annotations) {
    const d = annotationDigest({ ...annotation, status: 'submitted' });
    const stored = known.annotations.get(pairKey(solution.externalId, annotation.annotator));
    if (stored === undefined) newAnnotations.push({ record: annotation, digest: d });
    else if (stored !== d) return conflict(`the annotation by ${annotation.annotator}`, differingFields(ANNOTATION_FIELDS, stored, d));
  }

  // Every check passed: only now does the line become known to the lines after it.
  known.problems.set(problem.externalId, pDigest);
  known.solutions.set(solution.externalId, sDigest);
  for (const { record: o, digest: d } of newOrm) known.orm.set(pairKey(solution.externalId, o.model), d);
  for (const { record: a, digest: d } of newAnnotations) known.annotations.set(pairKey(solution.externalId, a.annotator), d);
  return {
    ok: true,
    newProblem: storedProblem === undefined,
    newSolution: storedSolution === undefined,
    newOrm: newOrm.map((o) => o.record),
    newAnnotations: newAnnotations.map((a) => a.record),
  };
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
