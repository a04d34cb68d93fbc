import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import type { FormatChoice } from '../../domain/import/formats/detect';
import { dbChecksum } from '../../test/db-checksum';
import { useTestDatabase } from '../../test/hooks';
import { ensureProject, type ProjectRow } from '../projects';
import { importFiles, type ImportSummary } from './import-files';
import { nativeLine, removeTempDirs, tempDir } from './test-files';

/**
 * Bad files for the foreign importers (SPEC §3.2, §9) — ProcessBench JSON lists, PRM800K JSONL,
 * MathSE ORM JSONL — named with their format and auto-detected: every bad record is reported
 * with its number and a reason naming the field or problem, the good records around it are
 * stored, `strict` stores nothing, and the database content (audit_log aside: a committed run
 * appends its own `import` entry on purpose) is unchanged by a bad record. The native format has
 * its own suite (import-bad-files.test.ts).
 */
const t = useTestDatabase();
let project: ProjectRow;
let baseProblems: number[] = [];
let baseJudgments: number[] = [];
let fresh = 0;
afterAll(removeTempDirs);

const stored = () => dbChecksum(t.db, { exclude: ['audit_log'] });
const TEN_MB_AND_A_HALF = 10.5 * 1024 * 1024;
const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

// ProcessBench ----------------------------------------------------------------------------------

const pbItem = (id: string, problem: string, over: Record<string, unknown> = {}) => ({
  id, generator: 'Qwen2-7B-Instruct', problem, steps: ['2+3=5.', 'So 5.'], final_answer_correct: true, label: -1, ...over,
});
const newPb = () => JSON.stringify(pbItem(`gsm8k-new-${++fresh}`, `What is ${fresh} + 1?`));

// PRM800K ---------------------------------------------------------------------------------------

const prmRecord = (problem: string, over: { labeler?: string; rating?: unknown; label?: Record<string, unknown>; question?: Record<string, unknown> } = {}) => ({
  labeler: over.labeler ?? 'lab-base', timestamp: '2022-11-17T14:02:51', generation: null,
  is_quality_control_question: false, is_initial_screening_question: false,
  question: { problem, ground_truth_answer: '3', ...over.question },
  label: {
    steps: [
      { completions: [{ text: 'Divide by 2.', rating: 1, flagged: false }], human_completion: null, chosen_completion: 0 },
      { completions: [{ text: 'x = 3.', rating: over.rating ?? 1, flagged: false }], human_completion: null, chosen_completion: 0 },
    ],
    total_time: 1000, finish_reason: 'solution', ...over.label,
  },
});
const newPrm = () => JSON.stringify(prmRecord(`Find $x$ if $2x = ${++fresh}$.`));

// MathSE ORM ------------------------------------------------------------------------------------

const ormRecord = (solution: string, model: string, over: Record<string, unknown> = {}) => ({
  solution_id: solution, model, status: 'WRONG', error_step: 'Step 2', error_analysis: 'Adds wrongly.', improvement_suggestion: 'Recompute.', score: 0.2, ...over,
});
/** A judgment of a stored solution by a model nothing else uses. */
const newOrm = () => JSON.stringify(ormRecord('s-base-1', `orm-new-${++fresh}`));

beforeAll(async () => {
  if (inject('skipReason')) return;
  project = await ensureProject(t.db, 'bad-formats', null);
  const dir = tempDir();
  const files = [
    writeText(dir, 'native.jsonl', `${nativeLine('p-base', 's-base-1')}\n${nativeLine('p-base', 's-base-2')}\n`),
    writeText(dir, 'pb.json', JSON.stringify([pbItem('gsm8k-base', 'Base problem?')])),
    writeText(dir, 'prm.jsonl', `${JSON.stringify(prmRecord('Base prm problem'))}\n`),
    writeText(dir, 'orm.jsonl', `${JSON.stringify(ormRecord('s-base-1', 'orm-base', { status: 'CORRECT', error_step: null }))}\n`),
  ];
  const summaries = await importFiles(t.db, { files, project, strict: true, actorId: null });
  expect(summaries.map((s) => [s.format, s.badCount, s.committed]), JSON.stringify(summaries.map((s) => s.bad)))
    .toEqual([['redline', 0, true], ['processbench', 0, true], ['prm800k', 0, true], ['mathse-orm', 0, true]]);
  baseProblems = (await t.db.orm.select({ id: t.db.t.problems.id }).from(t.db.t.problems)).map((r) => r.id);
  baseJudgments = (await t.db.orm.select({ id: t.db.t.ormJudgments.id }).from(t.db.t.ormJudgments)).map((r) => r.id);
});

/** Each case starts again from the baseline: problems (with their solutions) and judgments it added go. */
async function forgetNew(): Promise<void> {
  const { problems, ormJudgments } = t.db.t;
  await t.db.transaction(async (tx) => {
    await tx.delete(ormJudgments).where(notInArray(ormJudgments.id, baseJudgments));
    await tx.delete(problems).where(and(eq(problems.projectId, project.id), notInArray(problems.id, baseProblems)));
  });
}

function writeText(dir: string, name: string, content: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function importOne(file: string, format: FormatChoice, strict: boolean): Promise<ImportSummary> {
  const [summary] = await importFiles(t.db, { files: [file], project, strict, actorId: null, format });
  if (!summary) throw new Error('no summary');
  return summary;
}

type Piece = string | Buffer;
const asBuffer = (p: Piece) => (Buffer.isBuffer(p) ? p : Buffer.from(p, 'utf8'));
/** A JSON list of the records (each already JSON text or raw bytes). */
const jsonList = (records: Piece[], sep = ',\n') => Buffer.concat([Buffer.from('['), ...records.flatMap((r, i) => (i === 0 ? [asBuffer(r)] : [Buffer.from(sep), asBuffer(r)])), Buffer.from(']\n')]);
/** JSONL of the records. */
const jsonl = (records: Piece[], eol = '\n') => Buffer.concat(records.flatMap((r) => [asBuffer(r), Buffer.from(eol)]));

/** The JSON text of a record with `@@` where bytes that are not UTF-8 go. */
const withBadUtf8 = (text: string) => {
  const [head, tail] = text.split('@@');
  return Buffer.concat([Buffer.from(head ?? ''), Buffer.from([0xb0, 0xff, 0xc3, 0x28]), Buffer.from(tail ?? '')]);
};

type Format = 'processbench' | 'prm800k' | 'mathse-orm';

interface BadCase {
  name: string;
  /** The bad record (JSON text or raw bytes). */
  bad: () => Piece;
  /** Its number in the file built around it (good, bad, good; JSONL: line 2; list: record 2). */
  at?: number;
  reason: RegExp;
  /** Good records stored when the file is good, bad, good (default 2; 1 when the bad one ends the read). */
  storedAround?: number;
  /** The records after the bad one, instead of one fresh good record (for duplicates). */
  layout?: () => { records: Piece[]; at: number; stored: number };
}

interface FormatSuite {
  format: Format;
  good: () => string;
  file: (records: Piece[]) => Buffer;
  /** What counts in `imported` for one good record. */
  counted: (s: ImportSummary) => number;
  cases: BadCase[];
}

const pbCases: BadCase[] = [
  { name: 'malformed JSON mid-list', bad: () => '{"id": "gsm8k-x", oops}', reason: /^invalid JSON at or before this record: .*the rest of the file was not read$/, storedAround: 1 },
  { name: 'label as a string', bad: () => JSON.stringify(pbItem('gsm8k-x', 'Q?', { label: 'two' })), reason: /^label: expected number, received string$/ },
  { name: 'steps not a list', bad: () => JSON.stringify(pbItem('gsm8k-x', 'Q?', { steps: 'First. Second.' })), reason: /^steps: expected array, received string$/ },
  { name: 'label beyond the steps', bad: () => JSON.stringify(pbItem('gsm8k-x', 'Q?', { label: 2 })), reason: /^label: 2 is beyond the item's 2 steps/ },
  { name: 'a missing field (generator)', bad: () => JSON.stringify(pbItem('gsm8k-x', 'Q?', { generator: undefined })), reason: /^generator: missing \(expected string\)$/ },
  { name: 'a record that is not an object', bad: () => '[1, 2]', reason: /^\(line\): expected object, received array$/ },
  { name: 'a record over 10 MB', bad: () => JSON.stringify(pbItem('gsm8k-big', 'x'.repeat(TEN_MB_AND_A_HALF))), reason: /10 MB/ },
  { name: 'invalid UTF-8 in a string', bad: () => withBadUtf8(JSON.stringify(pbItem('gsm8k-utf', 'Angle @@ is 40?'))), reason: /UTF-8/, storedAround: 1 },
  { name: 'a raw NUL byte in a string', bad: () => JSON.stringify(pbItem('gsm8k-nul', 'A@B?')).replace('@', '\0'), reason: /invalid JSON|NUL/, storedAround: 1 },
  { name: 'an escaped NUL (\\u0000) in the problem', bad: () => JSON.stringify(pbItem('gsm8k-nul', 'A\u0000B?')), reason: /^problem: contains a NUL character/ },
  { name: 'nesting deeper than 64 levels', bad: () => JSON.stringify(pbItem('gsm8k-deep', 'Q?')).replace('"label"', `"extra":${deep(70)},"label"`), reason: /nested more than 64 levels deep/ },
  {
    name: 'a stored id with different steps',
    bad: () => JSON.stringify(pbItem('gsm8k-base', 'Base problem?', { steps: ['Other.', 'So 6.'] })),
    reason: /^solution gsm8k-base conflicts with the stored one \(steps/,
  },
  {
    name: 'the same new id twice with different steps',
    bad: () => '',
    reason: /^solution gsm8k-dup-\d+ conflicts with the stored one \(steps/,
    layout: () => {
      const id = `gsm8k-dup-${++fresh}`;
      return { records: [JSON.stringify(pbItem(id, `Dup ${fresh}?`)), JSON.stringify(pbItem(id, `Dup ${fresh}?`, { steps: ['Other.', 'So 6.'] }))], at: 3, stored: 2 };
    },
  },
];

const prmCases: BadCase[] = [
  { name: 'malformed JSON', bad: () => '{"labeler": "lab-base", oops}', reason: /^invalid JSON/ },
  { name: 'label as a string', bad: () => JSON.stringify({ ...prmRecord('Q?'), label: 'found_error' }), reason: /^label: expected object, received string$/ },
  { name: 'steps not a list', bad: () => JSON.stringify(prmRecord('Q?', { label: { steps: 'Divide by 2.' } })), reason: /^label\.steps: expected array, received string$/ },
  { name: 'a rating of 2', bad: () => JSON.stringify(prmRecord('Q?', { rating: 2 })), reason: /^label\.steps\[1\]\.completions\[0\]\.rating: / },
  { name: 'an unknown finish_reason', bad: () => JSON.stringify(prmRecord('Q?', { label: { finish_reason: 'MAYBE' } })), reason: /^label\.finish_reason: / },
  { name: 'a missing field (question.problem)', bad: () => JSON.stringify(prmRecord('Q?', { question: { problem: undefined } })), reason: /^question\.problem: missing \(expected string\)$/ },
  { name: 'a line over 10 MB', bad: () => JSON.stringify(prmRecord('x'.repeat(TEN_MB_AND_A_HALF))), reason: /^longer than 10 MB/ },
  { name: 'invalid UTF-8 in a string', bad: () => withBadUtf8(JSON.stringify(prmRecord('Angle @@ is 40?'))), reason: /^not valid UTF-8/ },
  { name: 'a raw NUL byte', bad: () => JSON.stringify(prmRecord('A@B?')).replace('@', '\0'), reason: /invalid JSON/ },
  { name: 'an escaped NUL (\\u0000) in the problem', bad: () => JSON.stringify(prmRecord('A\u0000B?')), reason: /^question\.problem: contains a NUL character/ },
  { name: 'nesting deeper than 64 levels', bad: () => JSON.stringify(prmRecord('Q?')).replace('"timestamp"', `"extra":${deep(70)},"timestamp"`), reason: /nested more than 64 levels deep/ },
  { name: 'a JSON value that is not an object', bad: () => '"text"', reason: /^\(line\): expected object, received string$/ },
];

const ormCases: BadCase[] = [
  { name: 'malformed JSON', bad: () => '{"solution_id": "s-base-2", oops}', reason: /^invalid JSON/ },
  { name: 'status "MAYBE"', bad: () => JSON.stringify(ormRecord('s-base-2', 'orm-x', { status: 'MAYBE' })), reason: /^status: / },
  { name: 'a score of 2', bad: () => JSON.stringify(ormRecord('s-base-2', 'orm-x', { score: 2 })), reason: /^score: / },
  { name: 'score as a string', bad: () => JSON.stringify(ormRecord('s-base-2', 'orm-x', { score: 'high' })), reason: /^score: / },
  { name: 'a missing field (solution_id)', bad: () => JSON.stringify(ormRecord('s-base-2', 'orm-x', { solution_id: undefined })), reason: /^solution_id: missing \(expected string\)$/ },
  { name: 'a line over 10 MB', bad: () => JSON.stringify(ormRecord('s-base-2', 'orm-x', { error_analysis: 'x'.repeat(TEN_MB_AND_A_HALF) })), reason: /^longer than 10 MB/ },
  { name: 'invalid UTF-8 in a string', bad: () => withBadUtf8(JSON.stringify(ormRecord('s-base-2', 'orm-x', { error_analysis: 'Angle @@' }))), reason: /^not valid UTF-8/ },
  { name: 'a raw NUL byte', bad: () => JSON.stringify(ormRecord('s-base-2', 'orm-x', { error_analysis: 'A@B' })).replace('@', '\0'), reason: /invalid JSON/ },
  { name: 'an escaped NUL (\\u0000)', bad: () => JSON.stringify(ormRecord('s-base-2', 'orm-x', { error_analysis: 'A\u0000B' })), reason: /^error_analysis: contains a NUL character/ },
  { name: 'nesting deeper than 64 levels', bad: () => JSON.stringify(ormRecord('s-base-2', 'orm-x')).replace('"model"', `"extra":${deep(70)},"model"`), reason: /nested more than 64 levels deep/ },
  { name: 'an unknown solution', bad: () => JSON.stringify(ormRecord('nope', 'orm-x')), reason: /^solution_id: no solution "nope" in this project \(import its solution first\)$/ },
  {
    name: 'the stored judgment of a solution and model with a different status',
    bad: () => JSON.stringify(ormRecord('s-base-1', 'orm-base', { status: 'WRONG', error_step: null })),
    reason: /^the ORM judgment of orm-base for s-base-1 conflicts with the stored one \(status differs\)$/,
  },
  {
    name: 'the same new solution and model twice with different status',
    bad: () => '',
    reason: /^the ORM judgment of orm-dup-\d+ for s-base-2 conflicts with the stored one \(status, error_step differ\)$/,
    layout: () => {
      const model = `orm-dup-${++fresh}`;
      return { records: [JSON.stringify(ormRecord('s-base-2', model)), JSON.stringify(ormRecord('s-base-2', model, { status: 'CORRECT', error_step: null }))], at: 3, stored: 2 };
    },
  },
];

const suites: FormatSuite[] = [
  { format: 'processbench', good: newPb, file: (r) => jsonList(r), counted: (s) => s.imported.solutions, cases: pbCases },
  { format: 'prm800k', good: newPrm, file: (r) => jsonl(r), counted: (s) => s.imported.annotations, cases: prmCases },
  { format: 'mathse-orm', good: newOrm, file: (r) => jsonl(r), counted: (s) => s.imported.ormJudgments, cases: ormCases },
];

describe.each(suites)('bad records in $format files', (suite) => {
  const rows = suite.cases.flatMap((c) => (['named', 'auto'] as const).map((how) => ({ ...c, how })));
  it.each(rows)('$name ($how): reported by number and reason; good ones around it stored; strict stores nothing', async (c) => {
    const dir = tempDir();
    const format: FormatChoice = c.how === 'named' ? suite.format : 'auto';
    onTestFinished(forgetNew);
    const before = await stored();
    const layout = c.layout?.() ?? { records: [c.bad(), suite.good()], at: c.at ?? 2, stored: c.storedAround ?? 2 };
    const records = [suite.good(), ...layout.records];

    // strict: the bad record is found, nothing of the file is stored.
    const strict = await importOne(writeText(dir, 'strict', suite.file(records)), format, true);
    expect(strict, JSON.stringify(strict.bad)).toMatchObject({ format: suite.format, committed: false, strict: true, badCount: 1 });
    expect(strict.bad[0]).toMatchObject({ line: layout.at });
    expect(strict.bad[0]?.reason).toMatch(c.reason);
    expect(await stored()).toEqual(before);

    // Non-strict: the same report; the good records are stored, the bad one changes nothing.
    const loose = await importOne(writeText(dir, 'loose', suite.file(records)), format, false);
    expect(loose, JSON.stringify(loose.bad)).toMatchObject({ format: suite.format, committed: true, badCount: 1, numbering: suite.format === 'processbench' ? 'record' : 'line' });
    expect(loose.bad[0]).toMatchObject({ line: layout.at });
    expect(loose.bad[0]?.reason).toMatch(c.reason);
    expect(suite.counted(loose)).toBe(layout.stored);
    const withGood = await stored();
    await forgetNew();
    expect(await stored()).toEqual(before);
    expect(withGood).not.toEqual(before);

    // The bad record alone, not strict: reported, and nothing at all changes.
    if (!c.layout) {
      const alone = await importOne(writeText(dir, 'alone', suite.file([c.bad()])), suite.format, false);
      expect(alone.bad, JSON.stringify(alone.bad)).toEqual([{ line: 1, reason: expect.stringMatching(c.reason) }]);
      expect(await stored()).toEqual(before);
    }
  }, 60_000);
});

describe('a syntax error deep in a long ProcessBench list', () => {
  it('stores every record before it (across batches and read chunks) and numbers the bad one exactly', async () => {
    const dir = tempDir();
    onTestFinished(forgetNew);
    const records = Array.from({ length: 1499 }, () => newPb());
    const file = writeText(dir, 'long.json', jsonList([...records, '{"id": "gsm8k-cut", "problem": "Q?", oops}', newPb()]));
    expect(records.join(',\n').length).toBeGreaterThan(3 * 64 * 1024);
    for (const format of ['processbench', 'auto'] as const) {
      const summary = await importOne(file, format, false);
      expect(summary.bad).toEqual([{ line: 1500, reason: expect.stringMatching(/^invalid JSON at or before this record: .*; the rest of the file was not read$/) }]);
      expect(summary.lines).toBe(1500);
      expect(summary.imported.solutions + summary.unchanged).toBe(1499);
    }
  }, 60_000);

  it('bytes that are not UTF-8 are named as such, after the records before them are stored', async () => {
    const dir = tempDir();
    onTestFinished(forgetNew);
    const file = writeText(dir, 'latin1.json', jsonList([newPb(), newPb(), withBadUtf8(JSON.stringify(pbItem('gsm8k-l1', 'Angle @@?'))), newPb()]));
    const summary = await importOne(file, 'processbench', false);
    expect(summary.bad).toEqual([{ line: 3, reason: expect.stringMatching(/^not valid UTF-8 \(in the bytes from offset \d+ of the file\); the rest of the file was not read$/) }]);
    expect(summary.imported.solutions).toBe(2);
  });
});

describe('odd but good files', () => {
  it('ProcessBench: a BOM and CRLF between records import fine, in both modes', async () => {
    const dir = tempDir();
    onTestFinished(forgetNew);
    const file = writeText(dir, 'bom.json', Buffer.concat([Buffer.from('\uFEFF'), jsonList([newPb(), newPb()], ',\r\n')]));
    for (const format of ['auto', 'processbench'] as const) {
      const summary = await importOne(file, format, true);
      expect(summary, JSON.stringify(summary.bad)).toMatchObject({ format: 'processbench', badCount: 0, committed: true });
    }
    const [first] = await importFiles(t.db, { files: [file], project, strict: false, actorId: null });
    expect(first).toMatchObject({ badCount: 0, unchanged: 2 });
  });

  it.each([['prm800k', newPrm], ['mathse-orm', newOrm]] as const)('%s: a BOM and CRLF line ends import fine, and the text keeps no \\r', async (format, good) => {
    const dir = tempDir();
    onTestFinished(forgetNew);
    const file = writeText(dir, 'bom.jsonl', Buffer.concat([Buffer.from('\uFEFF'), jsonl([good(), good()], '\r\n')]));
    const summary = await importOne(file, 'auto', true);
    expect(summary, JSON.stringify(summary.bad)).toMatchObject({ format, badCount: 0, committed: true, lines: 2 });
    const again = await importOne(file, format, false);
    expect(again).toMatchObject({ badCount: 0, unchanged: 2 });
    const texts = await t.db.orm.select({ a: t.db.t.ormJudgments.improvementSuggestion, m: t.db.t.ormJudgments.model }).from(t.db.t.ormJudgments);
    expect(texts.filter((r) => r.a?.includes('\r'))).toEqual([]);
  });
});

/** Valid records whose fields are the ones fast-check replaces. */
const propertySuites = [
  { format: 'processbench' as const, record: () => pbItem(`gsm8k-fz-${++fresh}`, `Fuzz ${fresh}?`), file: (text: string) => jsonList([text]) },
  { format: 'prm800k' as const, record: () => prmRecord(`Fuzz ${++fresh}?`), file: (text: string) => jsonl([text]) },
  { format: 'mathse-orm' as const, record: () => ormRecord('s-base-2', `orm-fz-${++fresh}`), file: (text: string) => jsonl([text]) },
];

describe.each(propertySuites)('fuzzing $format records', (suite) => {
  it('a valid record with one field replaced by any JSON value never throws and changes nothing unless accepted', async () => {
    onTestFinished(forgetNew);
    const keys = Object.keys(suite.record());
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys, 'unknown_field'), fc.jsonValue({ maxDepth: 3 }), fc.boolean(), async (key, value, strict) => {
        const record: Record<string, unknown> = { ...suite.record(), [key]: value };
        const dir = tempDir();
        const before = await stored();
        const summary = await importOne(writeText(dir, 'one', suite.file(JSON.stringify(record))), suite.format, strict);
        expect(summary.bad.length).toBe(summary.badCount);
        if (summary.badCount > 0) {
          expect(summary.badCount).toBe(1);
          expect(summary.bad[0]?.line).toBe(1);
          expect(summary.bad[0]?.reason).toMatch(/\S/);
          expect(await stored()).toEqual(before);
        } else {
          expect(summary.lines).toBe(1);
        }
      }),
      { numRuns: 60, seed: 8_110_011 },
    );
  }, 120_000);
});

describe('what a bad record names', () => {
  it('reasons start with the field, so the rejected report says where to look', async () => {
    // Spot check across formats in one file each; the tables above hold the full set.
    const dir = tempDir();
    onTestFinished(forgetNew);
    const pb = await importOne(writeText(dir, 'pb.json', jsonList([JSON.stringify(pbItem('gsm8k-a', 'A?', { steps: 3 })), JSON.stringify(pbItem('gsm8k-b', 'B?', { final_answer_correct: 'yes' }))])), 'auto', false);
    expect(pb.bad).toEqual([
      { line: 1, reason: 'steps: expected array, received number' },
      { line: 2, reason: 'final_answer_correct: expected boolean, received string' },
    ]);
    const ids = (await t.db.orm.select({ id: t.db.t.solutions.id }).from(t.db.t.solutions).where(inArray(t.db.t.solutions.externalId, ['gsm8k-a', 'gsm8k-b'])));
    expect(ids).toEqual([]);
  });
});
