// The plain-JavaScript reader both threads use (annotation-part.mjs): windows over an id range
// give every row once, in order, whatever the window boundaries and gaps.
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readWindows, WINDOW_IDS } from './annotation-part.mjs';

describe('readWindows', () => {
  it('reads every row of [from, to] once and in order across many windows, with gaps and a partial last window', () => {
    const db = new BetterSqlite3(':memory:');
    db.exec('CREATE TABLE s (id INTEGER PRIMARY KEY, tag TEXT)');
    const insert = db.prepare('INSERT INTO s (id, tag) VALUES (?, ?)');
    const ids = Array.from({ length: 3 * WINDOW_IDS + 17 }, (_, i) => 5 + i * 2).filter((id) => id % 7 !== 0);
    for (const id of ids) insert.run(id, `t${id}`);
    const seen: number[] = [];
    readWindows(db.prepare("SELECT s.id, s.tag FROM s WHERE s.tag LIKE ? AND s.id BETWEEN ? AND ?").raw(true), ['t%'], ids[0]!, ids.at(-1)!, (row) => {
      expect(row[1]).toBe(`t${row[0]}`);
      seen.push(Number(row[0]));
    });
    expect(seen).toEqual(ids);
    const inner: number[] = [];
    readWindows(db.prepare('SELECT s.id FROM s WHERE s.id BETWEEN ? AND ?').raw(true), [], 100, 2100, (row) => inner.push(Number(row[0])));
    expect(inner).toEqual(ids.filter((id) => id >= 100 && id <= 2100));
    db.close();
  });
});
