import pg from 'pg';

// PostgreSQL only: pauses transactions at a chosen point, so that a race the tests want to see
// happens every time instead of once in a while.

/**
 * Another connection that holds up every transaction writing annotation_revisions until
 * released, and a third that watches who waits (a transaction sees pg_stat_activity frozen at
 * its start, so the holder cannot watch).
 */
export async function stallRevisionWrites(url: string): Promise<{ waiting(): Promise<number>; release(): Promise<void> }> {
  const holder = new pg.Client({ connectionString: url });
  const watcher = new pg.Client({ connectionString: url });
  await Promise.all([holder.connect(), watcher.connect()]);
  await holder.query('BEGIN');
  await holder.query('LOCK TABLE annotation_revisions IN SHARE ROW EXCLUSIVE MODE');
  return {
    async waiting() {
      const { rows } = await watcher.query<{ n: string }>(
        'SELECT count(*) AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()');
      return Number(rows[0]!.n);
    },
    async release() {
      await holder.query('COMMIT');
      await Promise.all([holder.end(), watcher.end()]);
    },
  };
}

/** Polls a condition of the database (not the clock) for at most `ms`. */
export async function until(condition: () => Promise<boolean>, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}
