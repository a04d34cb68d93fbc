import { hash } from 'node:crypto';

/**
 * Compact fingerprints for "is this line the same as what is stored?". A digest is one string:
 * per compared field, the first 12 base64url characters (72 bits) of the sha256 of its canonical
 * JSON, in a fixed field order. Comparing digests field by field lets a conflict name the fields
 * that differ, while the strict importer can remember every id of a file in ~130 bytes each.
 */
const FIELD_HASH_LENGTH = 12;

export function digest(fields: readonly string[], values: Readonly<Record<string, unknown>>): string {
  return fields.map((field) => fieldHash(values[field])).join('');
}

/** The names of the fields whose hashes differ, in `fields` order; empty when equal. */
export function differingFields(fields: readonly string[], stored: string, incoming: string): string[] {
  return fields.filter((_field, i) => {
    const at = i * FIELD_HASH_LENGTH;
    return stored.slice(at, at + FIELD_HASH_LENGTH) !== incoming.slice(at, at + FIELD_HASH_LENGTH);
  });
}

function fieldHash(value: unknown): string {
  if (value === undefined || value === null) return NULL_HASH;
  return hashText(canonicalJson(value));
}

/** One-shot hashing: no Hash object per field (this runs several times per imported line). */
function hashText(text: string): string {
  return hash('sha256', text, 'base64url').slice(0, FIELD_HASH_LENGTH);
}

const NULL_HASH = hashText('null');

/**
 * JSON with object keys sorted and undefined dropped, so the same data read back from either
 * database (PostgreSQL's jsonb reorders keys) hashes the same. `undefined` and `null` both mean
 * "absent" here: a nullable column cannot tell them apart.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
