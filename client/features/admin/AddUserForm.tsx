import { useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../../../shared/constants';
import { UserCreateSchema, type UserAdminDto } from '../../../shared/schemas/admin';
import { errorsFromFailure, errorsFromIssues, noErrors, type FormErrors } from '../../api/field-errors';
import { createUser } from '../../api/users';
import { FieldErrors, FormErrorList } from '../../app/FieldErrors';
import { fieldProps } from '../../app/field-props';

const FIELDS = ['name', 'role', 'password'];

/** A new account: name, role, first password (checked with the shared schema, then by the server). */
export function AddUserForm({ onCreated }: { onCreated: (user: UserAdminDto) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('annotator');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const body = { name: name.trim(), role, password };
    const checked = UserCreateSchema.safeParse(body);
    if (!checked.success) {
      setErrors(errorsFromIssues(checked.error.issues, FIELDS));
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      onCreated(await createUser(body));
      setName('');
      setPassword('');
    } catch (e) {
      setErrors(errorsFromFailure(e, FIELDS, { USER_EXISTS: 'name' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="add-user" onSubmit={onSubmit} aria-labelledby="add-user-heading" noValidate>
      <h2 id="add-user-heading">Add user</h2>
      <div className="field-row">
        <div className="field">
          <label htmlFor="new-user-name">User name</label>
          <input {...fieldProps('new-user-name', errors.fields.name)} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          <FieldErrors id="new-user-name" messages={errors.fields.name} />
        </div>
        <div className="field">
          <label htmlFor="new-user-role">Role</label>
          <select {...fieldProps('new-user-role', errors.fields.role)} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <FieldErrors id="new-user-role" messages={errors.fields.role} />
        </div>
        <div className="field">
          <label htmlFor="new-user-password">Password</label>
          <input
            {...fieldProps('new-user-password', errors.fields.password, true)}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <span id="new-user-password-hint" className="muted">
            At least 8 characters; tell it to them privately.
          </span>
          <FieldErrors id="new-user-password" messages={errors.fields.password} />
        </div>
        <button type="submit" className="primary" disabled={busy}>
          Add user
        </button>
      </div>
      <FormErrorList messages={errors.form} />
    </form>
  );
}
