import { createHash } from 'node:crypto';
import type { NativeLine } from '../../../../shared/schemas/native-import';

/**
 * What a format adapter makes of one foreign record: a line in the native shape (SPEC §3.1),
 * which the native pipeline then checks and stores exactly like a JSONL line, or one reason.
 * `draftAnnotators`: annotations by these annotators are stored as drafts (not submitted).
 */
export type AdaptedRecord =
  | { ok: true; line: NativeLineInput; draftAnnotators: string[] }
  | { ok: false; reason: string };

/** The native line as written in a file (before defaults), so it can be serialised as-is. */
export type NativeLineInput = {
  problem: Partial<NativeLine['problem']> & { id: string; question: string };
  solution: Partial<NativeLine['solution']> & { id: string; model: string };
  annotations?: NonNullable<NativeLine['annotations']>;
};

/** A short, stable id for formats that carry none: the first 16 hex digits of sha256(text). */
export function contentId(prefix: string, text: string): string {
  return `${prefix}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}
