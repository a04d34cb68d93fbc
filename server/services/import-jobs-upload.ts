import { createWriteStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Multipart } from '@fastify/multipart';
import { AppError } from '../errors';

/** What a browser upload left on disk: a fresh folder holding the files under their relative names. */
export interface ReceivedUpload {
  folder: string;
  /** Relative names (posix) of the .jsonl/.json files, in upload order: what gets imported. */
  dataFiles: string[];
  /** Relative names of every other file (images the data files refer to). */
  otherFiles: string[];
  /** Text fields, last value wins. */
  fields: Record<string, string>;
  bytes: number;
}

const DATA_FILE = /\.(jsonl|json)$/i;

/**
 * An uploaded file's name is its path relative to the data file's folder (SPEC §3.1: image
 * references are relative to the JSONL's folder), e.g. "img/p-001.png". Names that are absolute
 * or climb out with ".." would write outside the upload folder: refused, naming the file.
 */
export function uploadName(raw: string): string {
  const name = raw.replaceAll('\\', '/');
  const refuse = (why: string) => new AppError('BAD_REQUEST', `file "${raw}": ${why}`);
  if (name.trim() === '') throw refuse('every uploaded file needs a name');
  if (name.includes('\0')) throw refuse('the name contains a NUL character');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw refuse('absolute paths are refused; name files relative to the data file\'s folder');
  if (name.split('/').includes('..')) throw refuse('".." would leave the upload folder; name files relative to the data file\'s folder');
  const clean = posix.normalize(name);
  if (clean === '.' || clean.endsWith('/')) throw refuse('the name is a folder, not a file');
  return clean;
}

/**
 * Streams every file part of a multipart request to a fresh temporary folder (never a whole file
 * in memory) and collects the text fields. More than `limitBytes` in all → PAYLOAD_TOO_LARGE;
 * on any failure the folder is removed before the error leaves.
 */
export async function receiveUpload(parts: AsyncIterableIterator<Multipart>, limitBytes: number): Promise<ReceivedUpload> {
  const folder = await mkdtemp(join(tmpdir(), 'redline-upload-'));
  const upload: ReceivedUpload = { folder, dataFiles: [], otherFiles: [], fields: {}, bytes: 0 };
  const seen = new Set<string>();
  const tooLarge = () => uploadTooLarge(limitBytes);
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        upload.fields[part.fieldname] = String(part.value);
        continue;
      }
      let name: string;
      try {
        name = uploadName(part.filename);
        if (seen.has(name)) throw new AppError('BAD_REQUEST', `file "${name}" is uploaded twice`);
      } catch (error) {
        part.file.resume();
        throw error;
      }
      seen.add(name);
      const target = join(folder, ...name.split('/'));
      await mkdir(dirname(target), { recursive: true });
      const count = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          upload.bytes += chunk.length;
          if (upload.bytes > limitBytes) done(tooLarge());
          else done(null, chunk);
        },
      });
      await pipeline(part.file, count, createWriteStream(target, { flags: 'wx' }));
      // Busboy stops a file at its own per-file limit without an error event of its own here.
      if (part.file.truncated) throw tooLarge();
      (DATA_FILE.test(name) ? upload.dataFiles : upload.otherFiles).push(name);
    }
  } catch (error) {
    await removeFolder(folder);
    throw error;
  }
  return upload;
}

function uploadTooLarge(limitBytes: number): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `the upload is larger than the limit of ${formatMb(limitBytes)} MB per request (REDLINE_UPLOAD_LIMIT_MB); nothing was imported`,
  );
}

/**
 * Refuses before reading when the request declares a body over the limit (browsers always send
 * Content-Length with a FormData upload). Without one, receiveUpload's byte count decides.
 */
export function checkDeclaredSize(contentLength: string | undefined, limitBytes: number): void {
  if (contentLength !== undefined && Number(contentLength) > limitBytes) throw uploadTooLarge(limitBytes);
}

/**
 * After a refused upload the client is usually still sending. Unread, the request would stall
 * the connection and the client would never see the answer; so the rest is read and dropped,
 * at most `limitBytes` of it (a client that keeps going past that is cut off).
 */
export function discardRest(raw: IncomingMessage, response: ServerResponse, limitBytes: number): void {
  if (raw.readableEnded || raw.destroyed) return;
  let dropped = 0;
  const hangUp = () => raw.destroy();
  raw.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped <= limitBytes) return;
    raw.pause();
    // Only once the answer is out, so the client can still read it.
    if (response.writableFinished) hangUp();
    else response.once('finish', hangUp);
  });
  raw.resume();
}

export async function removeFolder(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
}

function formatMb(bytes: number): string {
  return String(Math.round((bytes / 1024 / 1024) * 1000) / 1000);
}
