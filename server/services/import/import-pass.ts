import type { Database, Orm } from '../../db/connection';
import { KnownState, planLine } from '../../domain/import/plan-line';
import type { ParseOptions } from '../../domain/import/native-line';
import type { SourceLine } from './line-batches';
import { loadKnown } from './load-known';
import { prepareBatch, type BadLine, type PreparedLine } from './prepare-batch';
import type { ImageLoader } from './read-images';
import type { ConvertedRecord } from './record-source-convert';
import type { RecordBatch, SourceRecord } from './record-source';
import { writeBatch, type AcceptedLine, type WriteCounts } from './write-batch';

/** What one pass over one file adds up; the caller folds it into the file's summary. */
export interface PassTally {
  lines: number;
  imported: WriteCounts;
  unchanged: number;
  bad: BadLine[];
  badCount: number;
  /** At least one batch was committed. */
  wrote: boolean;
}

export interface PassContext {
  db: Database;
  projectId: number;
  actorId: number | null;
  strict: boolean;
  batchSize: number;
  parse: ParseOptions;
  loader: ImageLoader;
  /** The first this many bad lines are kept in the tally; all are counted. */
  maxReportedBad: number;
  onBatch: (tally: PassTally, bytesRead: number) => void;
}

/** A file's records and how each becomes a native line (see record-source-convert.ts). */
export interface PassInput {
  batches: () => AsyncIterable<RecordBatch>;
  convert: (record: SourceRecord) => ConvertedRecord;
}

/**
 * One streaming pass over a file's records, batch by batch: convert each to a native line (a
 * record that cannot be converted is bad), prepare (parse, images — no transaction open),
 * then decide each line against what is known and, when writing, store the batch in one short
 * transaction.
 * - `validate`: nothing is written; `known` carries every id the files introduce across batches
 *   (and across files), so later lines are checked against earlier ones.
 * - `write`: each batch reads the stored state afresh inside its transaction. Under `strict` a
 *   batch with any bad line is not written and the pass stops there.
 */
export async function runPass(ctx: PassContext, input: PassInput, mode: 'validate' | 'write', known: KnownState): Promise<PassTally> {
  const { db } = ctx;
  const tally: PassTally = {
    lines: 0, imported: { problems: 0, solutions: 0, ormJudgments: 0, annotations: 0, images: 0 },
    unchanged: 0, bad: [], badCount: 0, wrote: false,
  };
  for await (const batch of input.batches()) {
    const recordCount = batch.records.length;
    const lines: SourceLine[] = [];
    const drafts = new Map<number, string[]>();
    const unconverted: BadLine[] = [];
    for (const record of batch.records) {
      const converted = input.convert(record);
      if (!converted.ok) {
        unconverted.push({ line: record.recordNo, reason: converted.reason });
        continue;
      }
      lines.push(converted.line);
      if (converted.draftAnnotators.length > 0) drafts.set(converted.line.lineNo, converted.draftAnnotators);
    }
    // Each text is needed only until it is parsed: hold none of them through the transaction.
    batch.records.length = 0;
    const { good, bad } = await prepareBatch(lines, ctx.loader, ctx.parse, mode === 'write');
    lines.length = 0;
    bad.push(...unconverted);
    markDrafts(good, drafts);
    const decide = async (tx: Orm, state: KnownState) => {
      const ids = await loadKnown(db, tx, ctx.projectId, good, state);
      const accepted: AcceptedLine[] = [];
      for (const line of good) {
        const plan = planLine(state, line.record, line.images.map((i) => i.sha256));
        // Not `{ ...line, plan }`: see the note on spreads in domain/import/plan-line.ts.
        if (plan.ok) accepted.push({ record: line.record, images: line.images, plan });
        else bad.push({ line: line.record.lineNo, reason: plan.reason });
      }
      return { ids, accepted };
    };
    if (mode === 'validate') {
      await decide(db.orm, known);
    } else if (!(ctx.strict && bad.length > 0)) {
      // Only small figures leave the transaction: a batch kept past it (the SQLite connection's
      // queue used to hold each result until the next transaction ended) outlives two
      // young-generation GCs, so every batch was copied to the old generation, which grew with
      // the length of the file.
      const written = await db.transaction(async (tx) => {
        const { ids, accepted } = await decide(tx, new KnownState());
        if (ctx.strict && bad.length > 0) return null;
        const counts = await writeBatch(db, tx, ctx, accepted, ids);
        return { counts, unchanged: accepted.filter(isUnchanged).length, shas: accepted.flatMap((l) => l.images.map((i) => i.sha256)) };
      });
      if (written) {
        tally.wrote = true;
        addCounts(tally.imported, written.counts);
        tally.unchanged += written.unchanged;
        ctx.loader.markStored(written.shas);
      }
    }
    ctx.loader.dropBytes();
    tally.lines += recordCount;
    bad.sort((a, b) => a.line - b.line);
    tally.badCount += bad.length;
    tally.bad.push(...bad.slice(0, Math.max(0, ctx.maxReportedBad - tally.bad.length)));
    ctx.onBatch(tally, batch.bytesRead);
    if (mode === 'write' && ctx.strict && bad.length > 0) break;
  }
  return tally;
}

/** Annotations a format imports as drafts (PRM800K give_up) are marked before they are planned. */
function markDrafts(lines: readonly PreparedLine[], drafts: ReadonlyMap<number, string[]>): void {
  if (drafts.size === 0) return;
  for (const line of lines) {
    const names = drafts.get(line.record.lineNo);
    if (!names) continue;
    for (const annotation of line.record.annotations) if (names.includes(annotation.annotator)) annotation.status = 'draft';
  }
}

function isUnchanged({ plan }: AcceptedLine): boolean {
  return !plan.newProblem && !plan.newSolution && plan.newOrm.length === 0 && plan.newAnnotations.length === 0;
}

export function addCounts(into: WriteCounts, add: WriteCounts): void {
  into.problems += add.problems;
  into.solutions += add.solutions;
  into.ormJudgments += add.ormJudgments;
  into.annotations += add.annotations;
  into.images += add.images;
}
