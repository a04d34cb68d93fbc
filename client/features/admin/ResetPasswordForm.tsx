import { useEffect, useRef, useState, type FormEvent } from 'react';
import { UserUpdateSchema } from '../../../shared/schemas/admin';
import { FieldErrors } from '../../app/FieldErrors';
import { fieldProps } from '../../app/field-props';

interface ResetPasswordFormProps {
  name: string;
  busy: boolean;
  /** Resolves true when the server took the new password. */
  onSubmit: (password: string) => Promise<boolean>;
  onCancel: () => void;
}

/** A new password for someone who lost theirs; the admin tells it to them privately. */
export function ResetPasswordForm({ name, busy, onSubmit, onCancel }: ResetPasswordFormProps) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const id = `password-${name}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = UserUpdateSchema.shape.password.safeParse(password);
    if (!checked.success || password === '') {
      setError(checked.success ? 'at least 8 characters' : (checked.error.issues[0]?.message ?? 'not a usable password'));
      return;
    }
    setError(null);
    if (await onSubmit(password)) setPassword('');
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <label htmlFor={id}>New password for {name}</label>
      <input
        {...fieldProps(id, error ? [error] : undefined)}
        ref={input}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="submit" className="primary" disabled={busy}>
        Set password
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <FieldErrors id={id} messages={error ? [error] : undefined} />
    </form>
  );
}
