/**
 * Parses one line of JSON into plain data that both databases can store exactly as given.
 *
 * Two things JSON allows cannot round-trip: a NUL character (PostgreSQL text and jsonb refuse
 * it, which would fail a whole batch) and a lone UTF-16 surrogate (both drivers write U+FFFD
 * instead, so a re-import would look like a change). NUL makes the line bad, naming the field;
 * lone surrogates become U+FFFD here, which is exactly what would have been stored.
 */
export type JsonLineResult = { ok: true; value: unknown } | { ok: false; reason: string };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function parseJsonLine(text: string): JsonLineResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `invalid JSON: ${(error as Error).message}` };
  }
  const deep = nestedTooDeep(value);
  if (deep !== null) return { ok: false, reason: deep };
  // Both hazards can only come from \u escapes: raw control characters are invalid JSON and the
  // UTF-8 decoder never yields surrogates. So most lines skip the walk.
  if (!text.includes('\\u')) return { ok: true, value };
  const nulAt: string[] = [];
  const cleaned = clean(value, '', nulAt);
  if (nulAt.length > 0) {
    return { ok: false, reason: `${nulAt[0] || '(line)'}: contains a NUL character (\\u0000), which cannot be stored` };
  }
  return { ok: true, value: cleaned };
}

function clean(value: unknown, path: string, nulAt: string[]): unknown {
  if (typeof value === 'string') {
    if (value.includes('\0')) nulAt.push(path);
    return value.replace(LONE_SURROGATE, '\uFFFD');
  }
  if (Array.isArray(value)) return value.map((item, i) => clean(item, `${path}[${i}]`, nulAt));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\0')) nulAt.push(path);
      out[key.replace(LONE_SURROGATE, '\uFFFD')] = clean(item, path === '' ? key : `${path}.${key}`, nulAt);
    }
    return out;
  }
  return value;
}

/** `['annotations', 0, 'verdict']` → `annotations[0].verdict`; the empty path is the line itself. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * Objects and arrays may nest at most this deep (the line itself is level 1). JSON.parse copes
 * with any depth, but everything after it that recurses (JSON.stringify when storing, the
 * drivers' encoders) overflows the stack somewhere past a few thousand levels.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Null when `value` nests at most `limit` levels, else the reason, naming the first few object
 * keys on the way down ("problem.metadata.tree: nested more than 64 levels deep"). Iterative.
 */
export function nestedTooDeep(value: unknown, limit = MAX_JSON_DEPTH): string | null {
  if (value === null || typeof value !== 'object') return null;
  // [value, its depth, the path to it, whether keys below still extend the path]
  const stack: [object, number, string, boolean][] = [[value, 1, '', true]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, depth, path, open] = top;
    if (depth > limit) return `${path === '' ? '' : `${path}: `}nested more than ${limit} levels deep`;
    if (Array.isArray(node)) {
      for (const item of node) if (item !== null && typeof item === 'object') stack.push([item as object, depth + 1, path, false]);
    } else {
      for (const key in node) {
        const item = (node as Record<string, unknown>)[key];
        if (item === null || typeof item !== 'object') continue;
        const extend = open && depth <= 4;
        stack.push([item, depth + 1, extend ? (path === '' ? key : `${path}.${key}`) : path, extend]);
      }
    }
  }
  return null;
}
