// The worker-thread side of reading a large scope's annotations in two parts at once
// (load-agreement-data.ts): opens the same SQLite file read-only, runs the query it was given and
// sends back `{ part }` (an AnnotationPart whose buffers transfer without a copy) or `{ error }`.
// Plain JavaScript: a worker thread starts without the parent's TypeScript loader.
import BetterSqlite3 from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { AnnotationPartBuilder, partBuffers, readWindows } from './annotation-part.mjs';

// `sql` ends in `s.id BETWEEN ? AND ?`; the thread reads solutions from..to.
const { file, sql, params, from, to } = workerData;
let sqlite;
try {
  sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 10000');
  const builder = new AnnotationPartBuilder();
  readWindows(sqlite.prepare(sql).raw(true), params, from, to, (row) => builder.add(row));
  const part = builder.finish();
  parentPort.postMessage({ part }, partBuffers(part));
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
} finally {
  sqlite?.close();
}
