import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface SourceLine {
  /** 1-based, counting blank lines too, so it matches what an editor shows. */
  lineNo: number;
  text: string;
}

export interface LineBatch {
  lines: SourceLine[];
  /** Bytes of the file consumed so far (read-ahead included): for progress only. */
  bytesRead: number;
}

/**
 * Streams a text file as batches of non-blank lines, never holding more than one batch (plus the
 * stream's read-ahead). Accepts LF and CRLF endings and drops a UTF-8 byte-order mark.
 */
export async function* readLineBatches(file: string, batchSize: number): AsyncGenerator<LineBatch> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const reader = createInterface({ input: stream, crlfDelay: Infinity });
  let lines: SourceLine[] = [];
  let lineNo = 0;
  try {
    for await (const raw of reader) {
      lineNo += 1;
      const text = lineNo === 1 && raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
      if (text.trim() === '') continue;
      lines.push({ lineNo, text });
      if (lines.length >= batchSize) {
        yield { lines, bytesRead: stream.bytesRead };
        lines = [];
      }
    }
    if (lines.length > 0) yield { lines, bytesRead: stream.bytesRead };
  } finally {
    reader.close();
    stream.destroy();
  }
}
