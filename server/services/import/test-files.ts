import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { asc } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Database } from '../../db/connection';

/** Test support for the importer: fixture files, a real PNG encoder, and a table checksum. */

const madeDirs: string[] = [];

/** A fresh folder; `removeTempDirs()` (call it in afterAll) deletes every one made so far. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'redline-import-'));
  madeDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of madeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A valid RGB PNG of the given size, every pixel the same colour. */
export function makePng(width: number, height: number, rgb: [number, number, number] = [255, 0, 0]): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A native line (SPEC §3.1) for problem `p` and solution `s`, with overrides per part. */
export function nativeLine(p: string, s: string, over: { problem?: object; solution?: object; orm?: unknown; annotations?: unknown } = {}): string {
  return JSON.stringify({
    problem: { id: p, question: `What is ${p}?`, answer: '42', subject: 'geometry', source: 'test', ...over.problem },
    solution: { id: s, model: 'cogvlm2', round: 2, steps: ['First.', 'Second.', 'Third.'], finalAnswer: '42', ...over.solution },
    orm: over.orm ?? { model: 'orm-v1', status: 'WRONG', error_step: 'Step 2', error_analysis: 'bad', improvement_suggestion: 'fix', score: 0.2 },
    ...(over.annotations === undefined ? {} : { annotations: over.annotations }),
  });
}

export function writeJsonl(dir: string, name: string, lines: string[], eol = '\n'): string {
  const file = join(dir, name);
  writeFileSync(file, lines.join(eol) + eol);
  return file;
}

/**
 * sha256 over every row of the imported tables (ordered by key), and the row counts. The audit
 * log is left out on purpose: every import run appends its own entry.
 */
export async function contentChecksum(db: Database): Promise<{ sha256: string; rows: Record<string, number> }> {
  const t = db.t;
  const tables = {
    users: db.orm.select().from(t.users).orderBy(asc(t.users.id)),
    images: db.orm.select().from(t.images).orderBy(asc(t.images.sha256)),
    problems: db.orm.select().from(t.problems).orderBy(asc(t.problems.id)),
    problemImages: db.orm.select().from(t.problemImages).orderBy(asc(t.problemImages.problemId), asc(t.problemImages.position)),
    solutions: db.orm.select().from(t.solutions).orderBy(asc(t.solutions.id)),
    ormJudgments: db.orm.select().from(t.ormJudgments).orderBy(asc(t.ormJudgments.id)),
    annotations: db.orm.select().from(t.annotations).orderBy(asc(t.annotations.id)),
    annotationRevisions: db.orm.select().from(t.annotationRevisions).orderBy(asc(t.annotationRevisions.id)),
  };
  const hash = createHash('sha256');
  const rows: Record<string, number> = {};
  for (const [name, query] of Object.entries(tables)) {
    const result: unknown[] = await query;
    rows[name] = result.length;
    hash.update(name).update(JSON.stringify(result, (_key, value: unknown) =>
      (value && typeof value === 'object' && 'type' in value && value.type === 'Buffer' ? createHash('sha256').update(JSON.stringify(value)).digest('hex') : value)));
  }
  return { sha256: hash.digest('hex'), rows };
}
