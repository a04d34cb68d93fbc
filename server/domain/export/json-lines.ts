/**
 * One JSON value as one JSONL line (no newline added). JSON.stringify leaves U+2028 and U+2029
 * raw; some line readers (Python's str.splitlines) break lines there, so they are escaped.
 */
export function jsonLine(value: unknown): string {
  const json = JSON.stringify(value);
  // One scan in the usual case (neither present); lines with inlined images are megabytes long.
  return SEPARATOR.test(json) ? json.replace(SEPARATORS, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029')) : json;
}

const SEPARATOR = /[\u2028\u2029]/;
const SEPARATORS = /[\u2028\u2029]/g;
