/**
 * The export benchmark's subject (a child of measureInChild): `exportDataset` of the prepared
 * database into a fresh folder — exactly what `redline export` does. Only the export is timed;
 * the records come from the manifest it wrote, and the lines of train.jsonl + val.jsonl are
 * counted afterwards so the parent can check both against what the data must yield.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { openDatabase } from '../../server/db/connection';
import { exportDataset } from '../../server/services/export/export-dataset';
import { BENCH_PROJECT, countLines, EXPORT_CASES, peakRssMbSoFar, type ExportChildArgs, type ExportChildResult } from './export-cases';
import { runAsChild, type Clock } from './measure';

async function exportWithRedline(args: ExportChildArgs, clock: Clock): Promise<ExportChildResult> {
  const exportCase = EXPORT_CASES[args.exportCase];
  const db = openDatabase(`sqlite:${args.database}`);
  try {
    clock.start();
    const summary = await exportDataset(db, {
      project: BENCH_PROJECT, kind: exportCase.kind, format: exportCase.format, images: exportCase.images,
      outDir: args.outDir, sources: ['consensus'], minAnnotators: 1,
    });
    clock.stop();
    const exportPeakRssMb = peakRssMbSoFar();
    const manifest = JSON.parse(await readFile(join(args.outDir, 'manifest.json'), 'utf8')) as { counts: { total: number } };
    const files = ['train.jsonl', 'val.jsonl'].map((name) => join(args.outDir, name));
    let lines = 0;
    let recordBytes = 0;
    for (const file of files) {
      lines += await countLines(file);
      recordBytes += (await stat(file)).size;
    }
    const leftOut = Object.values(summary.leftOut).reduce((sum, n) => sum + n, 0);
    return { records: manifest.counts.total, lines, solutions: manifest.counts.total + leftOut, images: summary.images, recordBytes, exportPeakRssMb };
  } finally {
    await db.close();
  }
}

runAsChild(exportWithRedline);
