import type { Limits } from '../config';
import type { Database } from '../db/connection';

/** What every route plugin receives from buildApp. */
export interface RouteDeps {
  db: Database;
  now: () => Date;
  secureCookies: boolean;
  /** The per-user and per-token limits, resolved once by buildApp. */
  limits: Limits;
}
