import { ApiError, describeError } from './api-error';

/**
 * Errors a form shows next to its fields. The server's 400 VALIDATION_FAILED names each bad
 * field in `details.issues[{where: "body.taxonomy.2", message}]`; the client checks the same
 * shared zod schema first, whose issues carry `path: ['taxonomy', 2]`. Both land here as
 * `fields[name]` (the first path segment) or, when no known field is named, as `form`.
 */
export interface FormErrors {
  fields: Record<string, string[]>;
  form: string[];
}

export const noErrors: FormErrors = { fields: {}, form: [] };

export function hasErrors(errors: FormErrors): boolean {
  return errors.form.length > 0 || Object.keys(errors.fields).length > 0;
}

interface PathIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** The parts of a zod issue that say which bound was crossed (zod's own words are for developers). */
interface BoundIssue extends PathIssue {
  code?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/** "Too small: expected number to be >=1" → "at least 1"; other messages (the schemas' own) as they are. */
export function friendlyMessage(issue: BoundIssue): string {
  const unit = (n: number | bigint) => {
    const word = issue.origin === 'array' ? ' item' : issue.origin === 'string' ? ' character' : '';
    return `${n}${word}${word && Number(n) !== 1 ? 's' : ''}`;
  };
  if (issue.code === 'too_small' && issue.minimum !== undefined && /^Too small/.test(issue.message)) return `at least ${unit(issue.minimum)}`;
  if (issue.code === 'too_big' && issue.maximum !== undefined && /^Too big/.test(issue.message)) return `at most ${unit(issue.maximum)}`;
  return issue.message;
}

/** Groups issues by their first path segment; deeper segments name the item ("item 3: …"). */
export function errorsFromIssues(issues: readonly BoundIssue[], known: readonly string[]): FormErrors {
  const fields: Record<string, string[]> = {};
  const form: string[] = [];
  for (const issue of issues) {
    const [head, ...rest] = issue.path;
    const index = rest.find((p) => typeof p === 'number');
    const text = friendlyMessage(issue);
    const message = typeof index === 'number' ? `item ${index + 1}: ${text}` : text;
    if (typeof head === 'string' && known.includes(head)) (fields[head] ??= []).push(message);
    else form.push(head === undefined ? message : `${String(head)}: ${message}`);
  }
  return { fields, form };
}

/** "body.taxonomy.2" → ['taxonomy', 2]; the location prefix (body, params, querystring) goes. */
export function pathOfWhere(where: string): PropertyKey[] {
  const [, ...parts] = where.split('.').filter((p) => p !== '');
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * A failed write as form errors: validation issues by field; other codes onto the field they
 * are about (`codeFields`, e.g. PROJECT_EXISTS → name); anything else as a form message.
 */
export function errorsFromFailure(error: unknown, known: readonly string[], codeFields: Record<string, string> = {}): FormErrors {
  if (error instanceof ApiError) {
    const issues = (error.details as { issues?: unknown } | undefined)?.issues;
    if (error.code === 'VALIDATION_FAILED' && Array.isArray(issues)) {
      const parsed = issues.flatMap((i: unknown) => {
        const { where, message } = (i ?? {}) as { where?: unknown; message?: unknown };
        return typeof where === 'string' && typeof message === 'string' ? [{ path: pathOfWhere(where), message }] : [];
      });
      if (parsed.length > 0) return errorsFromIssues(parsed, known);
    }
    const field = codeFields[error.code];
    if (field) return { fields: { [field]: [error.message] }, form: [] };
  }
  return { fields: {}, form: [describeError(error)] };
}
