import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';

export interface SourceLine {
  /** 1-based, counting blank lines too, so it matches what an editor shows. */
  lineNo: number;
  text: string;
}

/** A line that could not be read as text: too long, or not UTF-8. Nothing of it is kept. */
export interface UnreadableLine {
  lineNo: number;
  error: string;
}

export interface LineBatch {
  lines: (SourceLine | UnreadableLine)[];
  /** Bytes of the file consumed so far (read-ahead included): for progress only. */
  bytesRead: number;
}

/**
 * The longest line (or JSON-list record) an import accepts, in bytes without its line end:
 * 10 MB. Longer ones are bad lines, skipped while reading — never held whole in memory.
 */
export const MAX_LINE_BYTES = 10 * 1024 * 1024;
const MB = 1024 * 1024;

/** The reason for a line or record of `bytes` bytes over `limit`; `what` is "line" or "record". */
export function tooLongReason(bytes: number, limit: number, what: string): string {
  const mb = (n: number) => `${Number((n / MB).toFixed(1))} MB`;
  return `longer than ${mb(limit)} (${mb(bytes)}); a ${what} may hold at most ${mb(limit)}, so this one was skipped`;
}

/**
 * Streams a text file as batches of non-blank lines, never holding more than one batch (plus the
 * stream's read-ahead). Lines end at LF; a CR before it is dropped (CRLF files), and so is a
 * UTF-8 byte-order mark at the start of the file. Each line is checked before it is decoded:
 * one longer than `maxLineBytes` is skipped as it is read (at most that much of it is ever held)
 * and one that is not valid UTF-8 is reported with the offset of its first bad byte — both come
 * back as `{lineNo, error}` and the following lines are read as usual.
 */
export async function* readLineBatches(file: string, batchSize: number, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<LineBatch> {
  const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
  let lines: LineBatch['lines'] = [];
  let lineNo = 0;
  /** The current line's pieces so far (it began in an earlier chunk). */
  let parts: Buffer[] = [];
  let partBytes = 0;
  /** The current line is over the limit: its bytes are counted, not kept. */
  let skipped: number | null = null;

  const endLine = (last: Buffer) => {
    lineNo += 1;
    const total = (skipped ?? partBytes) + last.length;
    const held = skipped === null && total <= maxLineBytes + 1 ? (parts.length === 0 ? last : Buffer.concat([...parts, last])) : null;
    parts = [];
    partBytes = 0;
    skipped = null;
    if (held === null) {
      lines.push({ lineNo, error: tooLongReason(total, maxLineBytes, 'line') });
      return;
    }
    let bytes = held[held.length - 1] === 0x0d ? held.subarray(0, held.length - 1) : held;
    if (lineNo === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    if (bytes.length > maxLineBytes) {
      lines.push({ lineNo, error: tooLongReason(bytes.length, maxLineBytes, 'line') });
      return;
    }
    if (!isUtf8(bytes)) {
      lines.push({ lineNo, error: notUtf8Reason(bytes, lineNo) });
      return;
    }
    const text = bytes.toString('utf8');
    if (text.trim() !== '') lines.push({ lineNo, text });
  };

  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
        endLine(chunk.subarray(start, nl));
        start = nl + 1;
        if (lines.length >= batchSize) {
          yield { lines, bytesRead: stream.bytesRead };
          lines = [];
        }
      }
      const rest = chunk.subarray(start);
      if (rest.length === 0) continue;
      if (skipped !== null) {
        skipped += rest.length;
      } else if (partBytes + rest.length > maxLineBytes + 1) {
        // +1: a line of exactly the limit may still have its CR to come.
        skipped = partBytes + rest.length;
        parts = [];
        partBytes = 0;
      } else {
        parts.push(rest);
        partBytes += rest.length;
      }
    }
    if (partBytes > 0 || skipped !== null) endLine(Buffer.alloc(0));
    if (lines.length > 0) yield { lines, bytesRead: stream.bytesRead };
  } finally {
    stream.destroy();
  }
}

function notUtf8Reason(bytes: Buffer, lineNo: number): string {
  const utf16 = lineNo === 1 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const hint = utf16 ? 'the file looks like UTF-16; save it as UTF-8' : 'save the file as UTF-8';
  return `not valid UTF-8 (byte offset ${firstInvalidUtf8(bytes)} in the line); ${hint}`;
}

/** The 0-based offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0) return i;
    const second = bytes[i + 1] ?? 0;
    // The second byte's range excludes overlong forms, surrogates and code points over U+10FFFF.
    const [low, high] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (second < low || second > high) return i;
    for (let k = 2; k <= need; k += 1) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return bytes.length;
}
