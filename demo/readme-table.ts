import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One row of demo/README.md's table: | line | `solution id` | round | truth | ORM status | error_step | score | situation | labels | */
export interface TruthRow {
  id: string;
  /** The first wrong step, 0-based; null for a correct solution. */
  truth: number | null;
  /** The error type the truth names (null for a correct solution). */
  errorType: string | null;
  status: string;
  situation: string;
}

/** The README's table, by 1-based line number of demo.jsonl. */
export function readTruthTable(dir: string): Map<number, TruthRow> {
  const rows = new Map<number, TruthRow>();
  for (const text of readFileSync(join(dir, 'README.md'), 'utf8').split('\n')) {
    const cells = text.split('|').map((c) => c.trim());
    const line = Number(cells[1]);
    if (!/^\d+$/.test(cells[1] ?? '') || cells.length < 10) continue;
    const wrongAt = /^wrong @ Step (\d+)(?: \((\w+)\))?/.exec(cells[4] ?? '');
    rows.set(line, {
      id: (cells[2] ?? '').replaceAll('`', ''),
      truth: wrongAt ? Number(wrongAt[1]) - 1 : null,
      errorType: wrongAt?.[2] ?? null,
      status: cells[5] ?? '',
      situation: cells[8] ?? '',
    });
  }
  return rows;
}
