/** The file formats `redline import` reads (SPEC §3). */
export const IMPORT_FORMATS = ['redline', 'processbench', 'prm800k', 'mathse-orm'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export type FormatChoice = ImportFormat | 'auto';

export type Detected = { ok: true; format: ImportFormat } | { ok: false; reason: string };

/**
 * Tells a file's format from its start (SPEC §3.2): a JSON list (first non-blank character
 * `[`) is ProcessBench; otherwise the first JSONL object decides — `question` + `label.steps`
 * → prm800k; `solution_id` + `status` → mathse-orm; `problem` + `solution` → redline.
 * `firstObject` is the first of the opening lines that parses to an object, or `undefined` when
 * none does: the file is then read as native JSONL, whose importer reports every bad line by
 * number (so a broken first line does not hide the good ones after it).
 */
export function detectFormat(start: { firstChar: string | null; jsonList: boolean; firstObject: unknown }): Detected {
  const named = 'name the format with --format';
  if (start.firstChar === null) return { ok: false, reason: `the file is empty; ${named}` };
  if (start.jsonList) return { ok: true, format: 'processbench' };
  const value = start.firstObject;
  if (value === undefined) return { ok: true, format: 'redline' };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: `cannot tell the format: the first JSON line is not an object; ${named}` };
  }
  const has = (key: string) => key in value;
  const label = (value as { label?: unknown }).label;
  if (has('question') && label !== null && typeof label === 'object' && 'steps' in label) return { ok: true, format: 'prm800k' };
  if (has('solution_id') && has('status')) return { ok: true, format: 'mathse-orm' };
  if (has('problem') && has('solution')) return { ok: true, format: 'redline' };
  const keys = Object.keys(value).slice(0, 8).join(', ') || 'none';
  return { ok: false, reason: `cannot tell the format from the first line's keys (${keys}); ${named}` };
}
