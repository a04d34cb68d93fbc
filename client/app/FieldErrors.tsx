/** A field's errors, under the id that fieldProps(id, …) names in aria-describedby. */
export function FieldErrors({ id, messages }: { id: string; messages: readonly string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <span id={`${id}-error`} className="field-error">
      {messages.join('; ')}
    </span>
  );
}

/** Errors that belong to no one field. */
export function FormErrorList({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="form-error" role="alert">
      {messages.map((m, i) => (
        <p key={i}>{m}</p>
      ))}
    </div>
  );
}
