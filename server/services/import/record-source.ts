import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Assembler from 'stream-json/assembler.js';
import withParser from 'stream-json/utils/with-parser.js';
import { MAX_JSON_DEPTH, parseJsonLine } from '../../domain/import/json-line';
import { MAX_LINE_BYTES, readLineBatches, tooLongReason } from './line-batches';

/**
 * One record of an import file: a JSONL line (its text, parsed later by whoever needs it) or an
 * element of a JSON list (already parsed). `recordNo` is 1-based: the line number for JSONL
 * (blank lines counted, as an editor shows), the element's position for a JSON list.
 */
export type SourceRecord =
  | { recordNo: number; text: string }
  | { recordNo: number; value: unknown }
  | { recordNo: number; error: string };

export interface RecordBatch {
  records: SourceRecord[];
  /** Bytes of the file consumed so far (read-ahead included): for progress only. */
  bytesRead: number;
}

/** How a file's records are laid out, which also names how bad ones are numbered. */
export type RecordLayout = 'jsonl' | 'json-list';

export async function* readRecordBatches(file: string, layout: RecordLayout, batchSize: number): AsyncGenerator<RecordBatch> {
  if (layout === 'jsonl') {
    for await (const batch of readLineBatches(file, batchSize)) {
      const records = batch.lines.map((line): SourceRecord => ('error' in line ? { recordNo: line.lineNo, error: line.error } : { recordNo: line.lineNo, text: line.text }));
      // The reader holds this array while suspended; the texts now live in `records` alone.
      batch.lines.length = 0;
      yield { records, bytesRead: batch.bytesRead };
    }
    return;
  }
  yield* readJsonListBatches(file, batchSize);
}

/**
 * Streams the elements of a top-level JSON array (stream-json's tokenizer, assembled here), never
 * holding much more than one batch of them. JSON text cannot be resynchronised after a syntax
 * error, so an error ends the file with one bad record: the element it falls in, since the
 * elements before it are all read first (the bytes reach the tokenizer cut at element boundaries,
 * see ElementSlicer). Bytes that are not UTF-8 end the file the same way, named as such.
 * An element over MAX_LINE_BYTES (measured on its JSON text without whitespace; an escape counts
 * as the character it stands for) or nested deeper than MAX_JSON_DEPTH is a bad record: from the
 * token that crosses the limit on, its tokens are only counted, so it is never held whole, and
 * the elements after it are read as usual.
 */
async function* readJsonListBatches(file: string, batchSize: number): AsyncGenerator<RecordBatch> {
  const input = createReadStream(file);
  const queue: ListElement[] = [];
  let wakeReader: (() => void) | null = null;
  let wakeSlicer: (() => void) | null = null;
  const wake = (which: 'reader' | 'slicer') => {
    const fn = which === 'reader' ? wakeReader : wakeSlicer;
    if (which === 'reader') wakeReader = null;
    else wakeSlicer = null;
    fn?.();
  };
  // The slicer waits while a batch is ready and not yet taken: at most one chunk's elements more.
  const slicer = new ElementSlicer(() => (queue.length < batchSize ? Promise.resolve() : new Promise<void>((r) => { wakeSlicer = r; })));
  const elements = withParser.asStream(listElements as never, { packValues: false, streamValues: true });
  // Taken as they come ('data', never paused): elements already made are not lost to an error.
  elements.on('data', (item: ListElement) => {
    queue.push(item);
    if (queue.length >= batchSize) wake('reader');
  });
  let failure: Error | null = null;
  let settled = false;
  const piping = pipeline(input, slicer, elements)
    .catch((error: unknown) => { failure = error as Error; })
    .finally(() => { settled = true; wake('reader'); });
  let count = 0;
  const take = (n: number): SourceRecord[] => queue.splice(0, n).map((item) => {
    count = item.key + 1;
    return 'error' in item ? { recordNo: count, error: item.error } : { recordNo: count, value: item.value };
  });
  try {
    for (;;) {
      if (queue.length >= batchSize || (settled && queue.length > 0)) {
        const records = take(batchSize);
        wake('slicer');
        yield { records, bytesRead: input.bytesRead };
        continue;
      }
      if (settled) break;
      await new Promise<void>((r) => { wakeReader = r; });
    }
  } finally {
    input.destroy();
    slicer.destroy();
    elements.destroy();
    wake('slicer');
    await piping;
  }
  if (failure !== null) {
    const reason = slicer.notUtf8 ?? `invalid JSON at or before this record: ${(failure as Error).message}`;
    yield { records: [{ recordNo: count + 1, error: `${reason}; the rest of the file was not read` }], bytesRead: input.bytesRead };
  }
}

/**
 * Passes a JSON list's bytes on cut after every top-level element (and after the commas between
 * them), so the tokenizer — which reports nothing of a chunk it fails in — has always finished
 * the elements before a syntax error. Also checks the bytes are UTF-8 (the tokenizer would put
 * U+FFFD in their place): a slice that is not replaces the rest of the file with a byte the
 * tokenizer refuses, and `notUtf8` says why, so the records before it are still read.
 * `gate` is awaited before each chunk (backpressure from the reader of the elements).
 */
class ElementSlicer extends Transform {
  notUtf8: string | null = null;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private depth = 0;
  private inString = false;
  private escaped = false;
  private offset = 0;

  constructor(private readonly gate: () => Promise<void>) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.gate().then(() => {
      if (this.notUtf8 === null) this.slice(chunk);
      done();
    }, done);
  }

  override _flush(done: (error?: Error | null) => void): void {
    if (this.notUtf8 === null) {
      try {
        this.decoder.decode();
      } catch {
        this.refuse(this.offset);
      }
    }
    done();
  }

  private slice(chunk: Buffer): void {
    let from = 0;
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i] as number;
      let cut = false;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === 0x5c) this.escaped = true;
        else if (byte === 0x22) this.inString = false;
      } else if (byte === 0x22) {
        this.inString = true;
      } else if (byte === 0x5b || byte === 0x7b) {
        this.depth += 1;
      } else if (byte === 0x5d || byte === 0x7d) {
        this.depth -= 1;
        cut = this.depth === 1;
      } else if (byte === 0x2c) {
        cut = this.depth === 1;
      }
      if (cut && !this.pass(chunk.subarray(from, i + 1))) return;
      if (cut) from = i + 1;
    }
    if (from < chunk.length) this.pass(chunk.subarray(from));
  }

  /** Checks and passes one slice; false (and the rest refused) when it is not UTF-8. */
  private pass(slice: Buffer): boolean {
    try {
      this.decoder.decode(slice, { stream: true });
    } catch {
      this.refuse(this.offset);
      return false;
    }
    this.offset += slice.length;
    this.push(slice);
    return true;
  }

  private refuse(at: number): void {
    this.notUtf8 = `not valid UTF-8 (in the bytes from offset ${at} of the file)`;
    // Not JSON anywhere but inside a string; the end of input then leaves that string open.
    this.push(Buffer.from('#'));
  }
}

type ListElement = { key: number; value: unknown } | { key: number; error: string };
interface Token { name: string; value?: string }
/** stream-chain's "no output for this input" marker. */
const NONE = Symbol.for('object-stream.none');

/**
 * A stream-json component: tokens of a top-level array in, one ListElement per element out.
 * Strings, keys and numbers arrive in chunks (packValues: false) and are joined here only while
 * the element is within the limits.
 */
function listElements(): (token: Token) => ListElement | typeof NONE {
  let level = 0;
  let key = 0;
  let size = 0;
  /** Why the current element is refused: 'size', or the reason itself. */
  let refused: string | null = null;
  let asm = new Assembler();
  let pieces: string[] = [];
  const joined = () => {
    const text = pieces.join('');
    pieces = [];
    return text;
  };
  return (token) => {
    const { name, value = '' } = token;
    if (level === 0) {
      if (name !== 'startArray') throw new Error('the file starts with "[" but is not one JSON list');
      level = 1;
      return NONE;
    }
    if (level === 1 && name === 'endArray') {
      level = 0;
      return NONE;
    }
    if (name === 'startObject' || name === 'startArray') level += 1;
    else if (name === 'endObject' || name === 'endArray') level -= 1;
    size += name === 'stringChunk' ? Buffer.byteLength(value) : name === 'numberChunk' ? value.length : 1;
    if (refused === null) {
      if (size > MAX_LINE_BYTES) refused = 'size';
      else if (level - 1 > MAX_JSON_DEPTH) refused = `nested more than ${MAX_JSON_DEPTH} levels deep`;
      if (refused !== null) {
        asm = new Assembler();
        pieces = [];
      }
    }
    if (refused === null) {
      if (name === 'stringChunk' || name === 'numberChunk') pieces.push(value);
      else if (name === 'endKey') asm.keyValue(joined());
      else if (name === 'endString') asm.stringValue(joined());
      else if (name === 'endNumber') asm.numberValue(joined());
      else if (name !== 'startKey' && name !== 'startString' && name !== 'startNumber') asm.consume({ name, value } as never);
    }
    const ended = level === 1 && name !== 'startKey' && name !== 'startString' && name !== 'startNumber' && name !== 'stringChunk' && name !== 'numberChunk';
    if (!ended) return NONE;
    // A record refused for its size is reported with the size it turned out to have.
    const error = refused === 'size' ? tooLongReason(size, MAX_LINE_BYTES, 'record') : refused;
    const element: ListElement = error === null ? { key, value: asm.current as unknown } : { key, error };
    key += 1;
    size = 0;
    refused = null;
    asm = new Assembler();
    return element;
  };
}

/** What detection looks at: this many non-blank lines, lines up to this long, this many bytes. */
const DETECT_LINES = 20;
const DETECT_LINE_CAP = 1 << 20;
const DETECT_READ_CAP = 8 << 20;

export interface FileStart {
  /** The first non-blank character, or null for an empty file. */
  firstChar: string | null;
  /**
   * The file is one JSON list: it starts with `[`, unless its first line is a complete JSON
   * value followed by more lines (then it is JSONL whose first line happens to be an array).
   */
  jsonList: boolean;
  /** The first of the opening lines that parses to a JSON object; undefined when none does. */
  firstObject: unknown;
}

/**
 * Reads just enough of a file's start to tell its layout and format, never holding a long line:
 * a line over 1 MB (a minified JSON list, a native line with inline images) is only looked at
 * for its first character.
 */
export async function readFileStart(file: string): Promise<FileStart> {
  /** `complete`: the line is one whole JSON value (even one too deep to import). */
  const seen: { first: string; complete: boolean }[] = [];
  let firstObject: unknown;
  const consider = (line: string, complete: boolean) => {
    const text = (seen.length === 0 ? line.replace(/^\uFEFF/, '') : line).trim();
    if (text === '') return;
    const parsed = complete ? parseJsonLine(text) : null;
    seen.push({ first: text[0] ?? '', complete: parsed !== null && (parsed.ok || isJson(text)) });
    if (firstObject === undefined && parsed?.ok && isObject(parsed.value)) firstObject = parsed.value;
  };
  const enough = () => seen.length >= DETECT_LINES || (seen.length >= 2 && firstObject !== undefined);

  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 64 * 1024 });
  let pending = '';
  let skippingLongLine = false;
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      bytes += chunk.length;
      pending += chunk;
      for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
        if (!skippingLongLine) consider(pending.slice(0, nl), true);
        skippingLongLine = false;
        pending = pending.slice(nl + 1);
      }
      if (pending.length > DETECT_LINE_CAP) {
        if (!skippingLongLine) consider(pending.trimStart().slice(0, 1), false);
        skippingLongLine = true;
        pending = '';
      }
      if (enough() || bytes > DETECT_READ_CAP) break;
    }
    if (!skippingLongLine && !enough()) consider(pending, true);
  } finally {
    stream.destroy();
  }
  const [first, second] = seen;
  const firstChar = first?.first ?? null;
  return { firstChar, jsonList: firstChar === '[' && !(first?.complete && second !== undefined), firstObject };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function isObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
