import { openDatabase, type Database } from '../db/connection';

/** Opens the database named by DATABASE_URL, applies migrations, runs `work`, always closes. */
export async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = openDatabase(process.env.DATABASE_URL);
  try {
    await db.migrate();
    return await work(db);
  } finally {
    await db.close();
  }
}
