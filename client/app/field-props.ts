/**
 * The accessibility wiring of one form field: its id, aria-invalid when it has errors, and
 * aria-describedby naming its hint (`${id}-hint`) and its errors (`${id}-error`, see FieldErrors).
 */
export function fieldProps(id: string, errors: readonly string[] | undefined, hasHint = false) {
  const invalid = errors !== undefined && errors.length > 0;
  const describedBy = [hasHint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter((x) => x !== null).join(' ');
  return {
    id,
    'aria-invalid': invalid ? (true as const) : undefined,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
  };
}
