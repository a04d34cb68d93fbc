import type { z } from 'zod';
import { formatPath } from './json-line';

/**
 * Turns the first zod issue of a rejected line into one sentence a person can act on:
 * `solution.steps: expected array, received string`. The offending value is looked up in the
 * parsed line (zod does not keep inputs) so numbers can be quoted back.
 */
export function describeIssue(issues: readonly z.core.$ZodIssue[], line: unknown, base: readonly PropertyKey[] = []): string {
  const issue = issues[0];
  if (!issue) return 'invalid line';
  const path = [...base, ...issue.path];
  if (issue.code === 'invalid_union') {
    const branch = bestBranch(issue.errors);
    if (branch) return describeIssue(branch, line, path);
    const options = issue.errors.flatMap((b) => b.flatMap(optionsOf));
    return `${formatPath(path) || '(line)'}: expected ${options.join(' or ')}, received ${preview(valueAt(line, path))}`;
  }
  const where = formatPath(path) || '(line)';
  return `${where}: ${describeMessage(issue, valueAt(line, path))}`;
}

/**
 * For `orm` (an object or a list), the branch that got inside the value says what is really
 * wrong; when every branch failed on the value itself, the caller lists what each would accept.
 */
function bestBranch(branches: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] | undefined {
  return branches.find((issues) => issues.some((i) => i.path.length > 0));
}

/** What a failed scalar branch would have accepted: `-1`, `null`, `object`. */
function optionsOf(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'invalid_value') return issue.values.map((v) => JSON.stringify(v) ?? String(v));
  if (issue.code === 'invalid_type') return [issue.expected];
  return [];
}

function describeMessage(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'invalid_type') {
    if (value === undefined) return `missing (expected ${issue.expected})`;
    if (issue.expected === 'int') return `expected a whole number, received ${preview(value)}`;
    return `expected ${issue.expected}, received ${kindOf(value)}`;
  }
  const message = issue.message.replace(/^Invalid (?:input|option): /, '');
  return issue.code === 'invalid_value' && value !== undefined ? `${message}, received ${preview(value)}` : message;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = root;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
