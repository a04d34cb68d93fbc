/**
 * The error taxonomy as a lead edits it: an ordered list of unique snake_case names (the order
 * is the order annotators see in the error-type menu). Pure; every operation returns a new list.
 */

/** "Vision recognition" → "vision_recognition": what the server accepts (lowercase, digits, "_"). */
export function normaliseTypeName(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
    .replace(/_+/g, '_');
}

const VALID = /^[a-z0-9_]{1,64}$/;

export type AddResult = { ok: true; list: string[]; name: string } | { ok: false; error: string };

export function addType(list: readonly string[], raw: string): AddResult {
  const name = normaliseTypeName(raw);
  if (name === '') return { ok: false, error: 'Type a name for the error type.' };
  if (!VALID.test(name)) return { ok: false, error: `“${name}”: use lowercase letters, digits and “_” (up to 64).` };
  if (list.includes(name)) return { ok: false, error: `“${name}” is already in the list.` };
  return { ok: true, list: [...list, name], name };
}

export function removeAt(list: readonly string[], index: number): string[] {
  return list.filter((_, i) => i !== index);
}

/** Moves one item up (delta -1) or down (+1); out of range leaves the list as it is. */
export function moveItem(list: readonly string[], index: number, delta: -1 | 1): string[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as string);
  return next;
}
