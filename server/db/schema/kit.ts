import {
  blob as sqliteBlob,
  index as sqliteIndex,
  integer as sqliteInteger,
  primaryKey as sqlitePrimaryKey,
  real as sqliteReal,
  sqliteTable,
  text as sqliteText,
  uniqueIndex as sqliteUniqueIndex,
} from 'drizzle-orm/sqlite-core';
import {
  boolean as pgBoolean,
  customType,
  doublePrecision,
  index as pgIndex,
  integer as pgInteger,
  jsonb,
  pgTable,
  primaryKey as pgPrimaryKey,
  text as pgText,
  timestamp,
  uniqueIndex as pgUniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * One schema, two dialects: `define.ts` describes every table once in terms of this kit, and
 * each dialect supplies the column builders. Both kits map to the same JavaScript values
 * (Date for times, parsed objects for JSON, Buffer for bytes, boolean for flags), which is
 * what lets services be written once against the PostgreSQL typings (see ../README.md).
 * Column names come from the property names through drizzle's snake_case casing.
 */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const pgKit = {
  table: pgTable,
  id: () => pgInteger().primaryKey().generatedByDefaultAsIdentity(),
  text: () => pgText(),
  int: () => pgInteger(),
  real: () => doublePrecision(),
  bool: () => pgBoolean(),
  time: () => timestamp({ withTimezone: true, mode: 'date', precision: 3 }),
  json: <T>() => jsonb().$type<T>(),
  bytes: () => bytea(),
  index: pgIndex,
  uniqueIndex: pgUniqueIndex,
  primaryKey: pgPrimaryKey,
};
export type Kit = typeof pgKit;

/** The SQLite kit, typed as the PostgreSQL one on purpose: see the comment above. */
export const sqliteKit = {
  table: sqliteTable,
  id: () => sqliteInteger().primaryKey({ autoIncrement: true }),
  text: () => sqliteText(),
  int: () => sqliteInteger(),
  real: () => sqliteReal(),
  bool: () => sqliteInteger({ mode: 'boolean' }),
  time: () => sqliteInteger({ mode: 'timestamp_ms' }),
  json: () => sqliteText({ mode: 'json' }),
  bytes: () => sqliteBlob({ mode: 'buffer' }),
  index: sqliteIndex,
  uniqueIndex: sqliteUniqueIndex,
  primaryKey: sqlitePrimaryKey,
} as unknown as Kit;
