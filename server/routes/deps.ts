import type { Database } from '../db/connection';

/** What every route plugin receives from buildApp. */
export interface RouteDeps {
  db: Database;
  now: () => Date;
  secureCookies: boolean;
}
