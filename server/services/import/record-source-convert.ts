import type { ImportFormat } from '../../domain/import/formats/detect';
import type { AdaptedRecord } from '../../domain/import/formats/adapted';
import { adaptPrm800k } from '../../domain/import/formats/prm800k';
import { adaptProcessBench } from '../../domain/import/formats/processbench';
import { nestedTooDeep, parseJsonLine } from '../../domain/import/json-line';
import type { SourceLine } from './line-batches';
import type { SourceRecord } from './record-source';

/** A record ready for the native pipeline: a native JSONL line, plus annotators to keep as drafts. */
export type ConvertedRecord = { ok: true; line: SourceLine; draftAnnotators: string[] } | { ok: false; reason: string };

const ADAPTERS: Partial<Record<ImportFormat, (value: unknown) => AdaptedRecord>> = {
  processbench: adaptProcessBench,
  prm800k: adaptPrm800k,
};

/**
 * Turns one record of a file in `format` into a native line. Native JSONL lines pass through
 * untouched (parsed once, later, by the pipeline); foreign records are parsed, adapted and
 * serialised, so every format is checked and stored by the same code.
 */
export function toNativeLine(format: ImportFormat, record: SourceRecord): ConvertedRecord {
  if ('error' in record) return { ok: false, reason: record.error };
  // List records are depth-checked while they are read; checked again here because everything
  // below (adapters, JSON.stringify) recurses and a too-deep value would overflow the stack.
  const tooDeep = 'value' in record ? nestedTooDeep(record.value) : null;
  if (tooDeep !== null) return { ok: false, reason: tooDeep };
  const lineNo = record.recordNo;
  const adapt = ADAPTERS[format];
  if (!adapt) {
    if ('text' in record) return { ok: true, line: { lineNo, text: record.text }, draftAnnotators: [] };
    return { ok: true, line: { lineNo, text: JSON.stringify(record.value) }, draftAnnotators: [] };
  }
  let value: unknown;
  if ('text' in record) {
    const parsed = parseJsonLine(record.text);
    if (!parsed.ok) return parsed;
    value = parsed.value;
  } else {
    // A list record is parsed already: its NULs and lone surrogates are checked here (an escape
    // in its JSON text shows there may be some), so the reason names the format's own field.
    const text = JSON.stringify(record.value);
    const parsed = text.includes('\\u') ? parseJsonLine(text) : { ok: true as const, value: record.value };
    if (!parsed.ok) return parsed;
    value = parsed.value;
  }
  const adapted = adapt(value);
  if (!adapted.ok) return adapted;
  return { ok: true, line: { lineNo, text: JSON.stringify(adapted.line) }, draftAnnotators: adapted.draftAnnotators };
}
