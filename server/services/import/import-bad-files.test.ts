import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { dbChecksum } from '../../test/db-checksum';
import { useTestDatabase } from '../../test/hooks';
import { ensureProject, type ProjectRow } from '../projects';
import { importNativeFiles, type ImportSummary } from './import-native';
import { makePng, nativeLine, removeTempDirs, tempDir } from './test-files';

/**
 * Bad files through the importer's public entry (SPEC §3.1, §9): every bad line is reported with
 * its number and a reason, the process carries on, `--strict` stores nothing, and nothing stored
 * before is changed. The audit log is left out of the before/after checksums: a non-strict run
 * appends its own `import` entry on purpose.
 */
const t = useTestDatabase();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
let project: ProjectRow;
let fresh = 0;
afterAll(removeTempDirs);

beforeAll(async () => {
  if (!inject('skipReason')) {
    project = await ensureProject(t.db, 'bad-files', null);
    const dir = tempDir();
    mkdirSync(join(dir, 'img'));
    writeFileSync(join(dir, 'img/base.png'), makePng(4, 3));
    const file = join(dir, 'base.jsonl');
    writeFileSync(file, `${[
      nativeLine('p-base', 's-base', { problem: { images: ['img/base.png'] }, annotations: [{ annotator: 'imported-1', verdict: 'incorrect', firstErrorStep: 1, errorType: 'calculation' }] }),
      baseLine2(),
    ].join('\n')}\n`);
    const [summary] = await importNativeFiles(t.db, { files: [file], project, strict: false, actorId: null });
    expect(summary, JSON.stringify(summary?.bad)).toMatchObject({ badCount: 0, imported: { problems: 1, solutions: 2, images: 1 } });
  }
});

/**
 * Where the importer wrongly stored a bad line, its rows would slow and skew every later case:
 * each case starts again from the baseline problem (images stay; they are content-addressed).
 */
async function forgetNewProblems(): Promise<void> {
  const { problems } = t.db.t;
  await t.db.transaction((tx) => tx.delete(problems).where(and(eq(problems.projectId, project.id), ne(problems.externalId, 'p-base'))));
}

const stored = () => dbChecksum(t.db, { exclude: ['audit_log'] });

async function importOne(file: string, strict: boolean): Promise<ImportSummary> {
  const [summary] = await importNativeFiles(t.db, { files: [file], project, strict, actorId: null });
  if (!summary) throw new Error('no summary');
  return summary;
}

function writeLines(dir: string, name: string, lines: (string | Buffer)[], eol = '\n'): string {
  const file = join(dir, name);
  writeFileSync(file, Buffer.concat(lines.flatMap((l) => [Buffer.isBuffer(l) ? l : Buffer.from(l, 'utf8'), Buffer.from(eol)])));
  return file;
}

/** The stored problem's image as a data: URL (the same bytes as its file, so the same image). */
const BASE_IMAGE = `data:image/png;base64,${makePng(4, 3).toString('base64')}`;
/** A line that is stored already, unchanged. */
const baseLine2 = () => nativeLine('p-base', 's-base-2', { problem: { images: [BASE_IMAGE] } });

/** A good line with ids nothing else uses: `--strict` must not store it when another line is bad. */
const newGoodLine = () => nativeLine(`p-new-${++fresh}`, `s-new-${fresh}`);

const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const pngHeaderOnly = (width: number, height: number) => {
  const png = makePng(1, 1);
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  return png;
};
/** A good line whose question holds bytes that are not UTF-8 (a Latin-1 file, a cut multi-byte character). */
function invalidUtf8Line(): Buffer {
  const [head, tail] = nativeLine('p-utf', 's-utf', { problem: { question: 'Angle @@ is 40' } }).split('@@');
  return Buffer.concat([Buffer.from(head ?? ''), Buffer.from([0xb0, 0xff, 0xc3, 0x28]), Buffer.from(tail ?? '')]);
}
const withImage = (ref: string) => nativeLine(`p-img-${++fresh}`, `s-img-${fresh}`, { problem: { images: [ref] } });

interface BadCase {
  name: string;
  /** The lines of the file (written with LF unless `eol`); may write image files into `dir`. */
  lines: (dir: string) => (string | Buffer)[];
  eol?: string;
  line: number;
  reason: RegExp;
}

const cases: BadCase[] = [
  { name: 'malformed JSON', lines: () => ['{"problem": {"id": "p-x", "question": "Q"'], line: 1, reason: /invalid JSON/ },
  { name: 'a wrong type (round as text)', lines: () => [nativeLine('p-x', 's-x', { solution: { round: 'two' } })], line: 1, reason: /solution\.round/ },
  { name: 'a wrong type (steps as a string)', lines: () => [nativeLine('p-x', 's-x', { solution: { steps: 'First. Second.' } })], line: 1, reason: /solution\.steps/ },
  { name: 'a missing field (problem.question)', lines: () => [nativeLine('p-x', 's-x', { problem: { question: undefined } })], line: 1, reason: /problem\.question/ },
  { name: 'a missing part (no solution)', lines: () => ['{"problem": {"id": "p-x", "question": "Q"}}'], line: 1, reason: /solution/ },
  { name: 'a JSON value that is not an object', lines: () => ['[1, 2, 3]', '"text"', 'null'], line: 1, reason: /\S/ },
  {
    name: 'a line over 10 MB (bulk in metadata)',
    lines: () => [nativeLine('p-big', 's-big', { problem: { metadata: { blob: 'x'.repeat(10.5 * 1024 * 1024) } } })],
    line: 1,
    reason: /10 MB|too long|too large|larger/i,
  },
  {
    name: 'a line over 10 MB (bulk in the question)',
    lines: () => [nativeLine('p-big', 's-big', { problem: { question: 'x'.repeat(10.5 * 1024 * 1024) } })],
    line: 1,
    reason: /question|10 MB|too long|too large|larger/i,
  },
  { name: 'invalid UTF-8 inside a string', lines: () => [invalidUtf8Line()], line: 1, reason: /UTF-8/i },
  { name: 'a raw NUL byte', lines: () => [Buffer.from(nativeLine('p-nul', 's-nul', { problem: { question: 'A@B' } }).replace('@', '\0'), 'utf8')], line: 1, reason: /invalid JSON|NUL/ },
  { name: 'an escaped NUL (\\u0000)', lines: () => [nativeLine('p-nul', 's-nul', { problem: { question: 'A\u0000B' } })], line: 1, reason: /problem\.question: contains a NUL/ },
  { name: 'deeply nested JSON (100,000 levels) as the line', lines: () => [deep(100_000)], line: 1, reason: /nest|deep|invalid JSON|object/i },
  {
    name: 'deeply nested JSON (100,000 levels) inside metadata',
    lines: () => [nativeLine('p-deep', 's-deep').replace('"source":"test"', `"source":"test","metadata":{"tree":${deep(100_000)}}`)],
    line: 1,
    reason: /nest|deep|metadata/i,
  },
  {
    name: 'a stored problem id with different content',
    lines: () => [nativeLine('p-base', 's-base-3', { problem: { question: 'Another question?', images: [BASE_IMAGE] } })],
    line: 1,
    reason: /problem p-base conflicts with the stored one \(question/,
  },
  {
    name: 'a stored solution id with different steps, after an unchanged line',
    lines: () => [baseLine2(), nativeLine('p-base', 's-base-2', { problem: { images: [BASE_IMAGE] }, solution: { steps: ['Other.'] } })],
    line: 2,
    reason: /solution s-base-2 conflicts with the stored one \(steps/,
  },
  { name: 'an image path that climbs out (../x.png)', lines: () => [withImage('../x.png')], line: 1, reason: /problem\.images\[0\]: image path escapes the file's folder/ },
  { name: 'an absolute image path', lines: () => [withImage('/etc/hostname')], line: 1, reason: /problem\.images\[0\]: absolute image paths are refused/ },
  {
    name: 'an image path that is a link to outside the folder',
    lines: (dir) => {
      symlinkSync('/etc/hostname', join(dir, 'link.png'));
      return [withImage('link.png')];
    },
    line: 1,
    reason: /escapes the file's folder/,
  },
  { name: 'a remote image URL', lines: () => [withImage('https://example.com/x.png')], line: 1, reason: /remote image URLs are not fetched/ },
  {
    name: 'an image whose bytes are not an image (HTML named .png)',
    lines: (dir) => {
      writeFileSync(join(dir, 'page.png'), '<html><script>alert(1)</script></html>');
      return [withImage('page.png')];
    },
    line: 1,
    reason: /page\.png: not a PNG, JPEG, GIF, WebP or SVG image/,
  },
  {
    name: 'a data: URL whose bytes are not an image',
    lines: () => [withImage(`data:image/png;base64,${Buffer.from('GIF? no, text').toString('base64')}`)],
    line: 1,
    reason: /not a PNG, JPEG, GIF, WebP or SVG image/,
  },
  {
    name: 'a PNG header claiming 100000×100000 pixels',
    lines: (dir) => {
      writeFileSync(join(dir, 'bomb.png'), pngHeaderOnly(100_000, 100_000));
      return [withImage('bomb.png')];
    },
    line: 1,
    reason: /100000×100000: sides over 20000 pixels are refused/,
  },
  {
    name: 'an SVG with a <script>',
    lines: (dir) => {
      writeFileSync(join(dir, 'evil.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>');
      return [withImage('evil.svg')];
    },
    line: 1,
    reason: /script/i,
  },
  {
    name: 'an SVG with an event handler attribute',
    lines: (dir) => {
      writeFileSync(join(dir, 'onload.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><rect width="10" height="10"/></svg>');
      return [withImage('onload.svg')];
    },
    line: 1,
    reason: /onload|script|event/i,
  },
  {
    name: 'a bad line in a CRLF file keeps its line number',
    lines: () => [baseLine2(), '', '{oops}'],
    eol: '\r\n',
    line: 3,
    reason: /invalid JSON/,
  },
  { name: 'a bad first line after a BOM', lines: () => [`\uFEFF{oops}`], line: 1, reason: /invalid JSON/ },
  { name: 'a UTF-16 file', lines: () => [Buffer.from(`\uFEFF${nativeLine('p-16', 's-16')}`, 'utf16le')], line: 1, reason: /invalid JSON|UTF-8|UTF-16/i },
  {
    name: 'an SVG with <foreignObject>',
    lines: (dir) => {
      writeFileSync(join(dir, 'fo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>');
      return [withImage('fo.svg')];
    },
    line: 1,
    reason: /problem\.images\[0\]: image file fo\.svg: SVG with <foreignObject> is not accepted/,
  },
  {
    name: 'an SVG data: URL with a javascript: link spelled with a character reference',
    lines: () => [withImage(`data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><a href="&#106;avascript:alert(1)"><rect width="9" height="9"/></a></svg>').toString('base64')}`)],
    line: 1,
    reason: /problem\.images\[0\]: SVG with a javascript: URL is not accepted/,
  },
  {
    name: 'an SVG that loads an external image',
    lines: (dir) => {
      writeFileSync(join(dir, 'track.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="https://example.com/pixel.png" width="1" height="1"/></svg>');
      return [withImage('track.svg')];
    },
    line: 1,
    reason: /track\.svg: SVG with an external reference \(href="https:\/\/example\.com\/pixel\.png"\)/,
  },
  { name: 'JSON nested 65 levels (one over the limit) inside metadata', lines: () => [nativeLine('p-65', 's-65').replace('"source":"test"', `"source":"test","metadata":{"t":${deep(62)}}`)], line: 1, reason: /^problem\.metadata\.t: nested more than 64 levels deep$/ },
];

describe('bad lines in native files', () => {
  it.each(cases)('$name: reported by line and reason, nothing stored, --strict stores nothing', async (c) => {
    const dir = tempDir();
    const before = await stored();
    const bad = c.lines(dir);
    onTestFinished(forgetNewProblems);

    const loose = await importOne(writeLines(dir, 'bad.jsonl', bad, c.eol), false);
    expect(loose.bad[0], JSON.stringify(loose)).toMatchObject({ line: c.line });
    expect(loose.bad[0]?.reason).toMatch(c.reason);
    expect(loose.imported).toEqual({ problems: 0, solutions: 0, ormJudgments: 0, annotations: 0, images: 0 });
    expect(await stored()).toEqual(before);

    const strict = await importOne(writeLines(dir, 'strict.jsonl', [...bad, newGoodLine()], c.eol), true);
    expect(strict).toMatchObject({ committed: false, strict: true });
    expect(strict.bad[0]).toMatchObject({ line: c.line });
    expect(await stored()).toEqual(before);
  });

  it('two new lines with the same solution id and different content: the second is bad; --strict stores neither', async () => {
    const dir = tempDir();
    const before = await stored();
    const file = writeLines(dir, 'dup.jsonl', [nativeLine('p-dup', 's-dup'), nativeLine('p-dup', 's-dup', { solution: { finalAnswer: '41' } })]);
    const strict = await importOne(file, true);
    expect(strict).toMatchObject({ committed: false, badCount: 1, bad: [{ line: 2 }] });
    expect(strict.bad[0]?.reason).toMatch(/solution s-dup .*finalAnswer/);
    expect(await stored()).toEqual(before);
    const loose = await importOne(file, false);
    expect(loose).toMatchObject({ badCount: 1, bad: [{ line: 2 }], imported: { solutions: 1 } });
  });
});

describe('lines the reader refuses do not stop the file', () => {
  it('a line over 10 MB, one not in UTF-8 and one nested too deep are bad; the good lines around them are stored', async () => {
    const dir = tempDir();
    onTestFinished(forgetNewProblems);
    const summary = await importOne(writeLines(dir, 'mixed.jsonl', [
      newGoodLine(),
      nativeLine('p-big', 's-big', { problem: { metadata: { blob: 'x'.repeat(10.5 * 1024 * 1024) } } }),
      invalidUtf8Line(),
      deep(100_000),
      newGoodLine(),
    ]), false);
    expect(summary.bad).toEqual([
      { line: 2, reason: 'longer than 10 MB (10.5 MB); a line may hold at most 10 MB, so this one was skipped' },
      { line: 3, reason: expect.stringMatching(/^not valid UTF-8 \(byte offset \d+ in the line\)/) },
      { line: 4, reason: 'nested more than 64 levels deep' },
    ]);
    expect(summary.imported).toMatchObject({ problems: 2, solutions: 2 });
  });
});

describe('a first line that is a JSON array', () => {
  it('is one bad line; the good lines after it are still imported', async () => {
    const dir = tempDir();
    onTestFinished(forgetNewProblems);
    const summary = await importOne(writeLines(dir, 'array-first.jsonl', ['[1, 2]', newGoodLine()]), false);
    expect(summary.bad[0], JSON.stringify(summary)).toMatchObject({ line: 1 });
    expect(summary.imported.solutions).toBe(1);
  });
});

describe('odd but good files', () => {
  it('a BOM and CRLF line ends import cleanly, and the text keeps no \\r', async () => {
    const dir = tempDir();
    const file = join(dir, 'crlf.jsonl');
    writeFileSync(file, `\uFEFF${nativeLine('p-crlf', 's-crlf-1')}\r\n${nativeLine('p-crlf', 's-crlf-2')}\r\n`);
    const summary = await importOne(file, true);
    expect(summary).toMatchObject({ badCount: 0, committed: true, imported: { problems: 1, solutions: 2 } });
    const again = await importOne(file, false);
    expect(again).toMatchObject({ badCount: 0, unchanged: 2, imported: { problems: 0, solutions: 0 } });
  });

  it('a JPEG named .png is stored as what its bytes are, never as the name says', async () => {
    const dir = tempDir();
    // The smallest JPEG header with a frame: SOI, SOF0 (8 bit, 3×2), EOI.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x02, 0x00, 0x03, 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9]);
    writeFileSync(join(dir, 'photo.png'), jpeg);
    const summary = await importOne(writeLines(dir, 'jpeg.jsonl', [withImage('photo.png')]), false);
    expect(summary).toMatchObject({ badCount: 0, imported: { images: 1 } });
    const images = await t.db.orm.select().from(t.db.t.images);
    expect(images.find((i) => i.bytes === jpeg.length)).toMatchObject({ mime: 'image/jpeg', width: 3, height: 2 });
  });
});

function arrayLength(text: string): number {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.length : 1;
  } catch {
    return 1;
  }
}

describe('fuzzing the importer', () => {
  /** Lines a careless or hostile tool could write: random bytes, random JSON, mutated good lines. */
  const good = JSON.parse(nativeLine('p-fuzz', 's-fuzz')) as Record<string, Record<string, unknown>>;
  const mutated = fc.tuple(fc.constantFrom('problem', 'solution', 'orm'), fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }))
    .map(([part, key, value]) => JSON.stringify({ ...good, [part]: { ...good[part], [key || 'id']: value } }));
  const anyLine = fc.oneof(
    fc.string({ maxLength: 200 }).map((s) => Buffer.from(s, 'utf8')),
    fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
    fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null', 'utf8')),
    mutated.map((s) => Buffer.from(s, 'utf8')),
  );

  it('never throws, numbers every bad line within the file, and --strict with any bad line changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyLine, { minLength: 1, maxLength: 6 }), async (lines) => {
        const dir = tempDir();
        const file = join(dir, 'fuzz.jsonl');
        writeFileSync(file, Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])));
        const text = Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])).toString('utf8');
        const before = await stored();
        const strict = await importOne(file, true);
        // A file that starts with "[" is read as one JSON list; then numbers count its records.
        const physicalLines = Math.max(text.split(/\r?\n/).length - 1, (strict as { numbering?: string }).numbering === 'record' ? arrayLength(text) : 0);
        for (const b of strict.bad) {
          expect(b.line).toBeGreaterThanOrEqual(1);
          expect(b.line).toBeLessThanOrEqual(physicalLines);
          expect(b.reason.length).toBeGreaterThan(0);
        }
        if (strict.badCount > 0) expect(await stored()).toEqual(before);
        expect(strict.bad.length).toBe(strict.badCount);
      }),
      { numRuns: 100, seed: 8_000_008 },
    );
  }, 90_000);

  it('a mutated good line is either stored whole or refused with a reason naming the field', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, async (line) => {
        const dir = tempDir();
        const before = await stored();
        const summary = await importOne(writeLines(dir, 'one.jsonl', [line.replace('"p-fuzz"', `"p-fz-${++fresh}"`).replace('"s-fuzz"', `"s-fz-${fresh}"`)]), false);
        if (summary.badCount === 1) {
          expect(summary.bad[0]?.line).toBe(1);
          expect(summary.bad[0]?.reason).toMatch(/^(problem|solution|orm|invalid JSON)|conflicts/);
          expect(await stored()).toEqual(before);
        } else {
          expect(summary.badCount).toBe(0);
        }
      }),
      { numRuns: 100, seed: 8_000_009 },
    );
  }, 90_000);
});

describe('redline import on bad files (the real command, in its own process)', () => {
  it('exits 0 listing every bad line, and 1 with --strict storing nothing', async () => {
    const dir = tempDir();
    const files = [
      writeLines(dir, 'a.jsonl', ['{oops', nativeLine('p-cli', 's-cli'), deep(100_000)]),
      writeLines(dir, 'b.jsonl', [Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), withImage('../escape.png')]),
    ];
    const env = { ...process.env, DATABASE_URL: t.url };
    const before = await stored();
    const strict = spawnSync(process.execPath, ['bin/redline.mjs', 'import', ...files, '--project', 'bad-files', '--format', 'redline', '--strict', '--json'], { cwd: root, env, encoding: 'utf8' });
    expect(strict.status, strict.stderr).toBe(1);
    expect(JSON.parse(strict.stdout)).toMatchObject({ committed: false, badCount: 4 });
    expect(await stored()).toEqual(before);

    const loose = spawnSync(process.execPath, ['bin/redline.mjs', 'import', ...files, '--project', 'bad-files', '--format', 'redline', '--json'], { cwd: root, env, encoding: 'utf8' });
    expect(loose.status, loose.stderr).toBe(0);
    const summary = JSON.parse(loose.stdout);
    expect(summary).toMatchObject({ badCount: 4, imported: { solutions: 1 } });
    expect(summary.files.map((f: ImportSummary) => f.bad.map((b) => b.line))).toEqual([[1, 3], [1, 2]]);
  }, 60_000);
});
