/**
 * One JSON value as one JSONL line (no newline added). JSON.stringify leaves U+2028 and U+2029
 * raw; some line readers (Python's str.splitlines) break lines there, so they are escaped.
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
