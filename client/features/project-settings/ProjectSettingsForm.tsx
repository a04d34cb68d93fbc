import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ASSIGNMENT_STRATEGIES, LABEL_MODES } from '../../../shared/constants';
import { errorsFromFailure, noErrors, type FormErrors } from '../../api/field-errors';
import type { ProjectDto } from '../../../shared/schemas/api';
import { createProject, updateProject } from '../../api/projects';
import { FieldErrors, FormErrorList } from '../../app/FieldErrors';
import { fieldProps } from '../../app/field-props';
import { ChoiceGroup } from './ChoiceGroup';
import { GuidelinesEditor } from './GuidelinesEditor';
import { fieldsToFix, initialForm, MODE_TEXT, SETTINGS_FIELDS, settingsPayload, STRATEGY_TEXT, type SettingsForm } from './settings-form';
import { TaxonomyEditor } from './TaxonomyEditor';

interface ProjectSettingsFormProps {
  /** null: a new project (the name can be chosen once, here). */
  project: ProjectDto | null;
  onSaved: (project: ProjectDto) => void;
}

/** Every setting of a project; errors (the shared schema's first, then the server's) beside their fields. */
export function ProjectSettingsForm({ project, onSaved }: ProjectSettingsFormProps) {
  const creating = project === null;
  const [form, setForm] = useState<SettingsForm>(() => initialForm(project));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(false);
  };
  const fieldErrors = (key: string) => errors.fields[key];

  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // Take the person to the first field that needs fixing (it may be far up the page).
    if (Object.keys(errors.fields).length > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid] input')?.focus();
  }, [errors]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const payload = settingsPayload(form, creating);
    if (!payload.ok) {
      setErrors(payload.errors);
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      const body = payload.body;
      const next = creating ? await createProject({ ...body, name: body.name ?? '' }) : await updateProject(project.name, body);
      setSaved(true);
      onSaved(next);
    } catch (e) {
      setErrors(errorsFromFailure(e, SETTINGS_FIELDS, { PROJECT_EXISTS: 'name' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="settings-form" onSubmit={onSubmit} aria-busy={busy} noValidate>
      {creating && (
        <div className="field">
          <label htmlFor="settings-name">Name</label>
          <input {...fieldProps('settings-name', fieldErrors('name'), true)} value={form.name} onChange={(e) => set('name', e.target.value)} autoFocus />
          <span id="settings-name-hint" className="muted">
            Letters, digits, “-” and “_”; it appears in addresses and on the command line and cannot change later.
          </span>
          <FieldErrors id="settings-name" messages={fieldErrors('name')} />
        </div>
      )}
      <div className="field-row">
        <NumberField id="settings-overlap" label="Overlap (annotators per solution)" value={form.overlap} onChange={(v) => set('overlap', v)} errors={fieldErrors('overlap')} />
        <NumberField id="settings-lease" label="Lease (minutes)" value={form.leaseMinutes} onChange={(v) => set('leaseMinutes', v)} errors={fieldErrors('leaseMinutes')} />
      </div>
      <ChoiceGroup name="mode" legend="Mode" options={LABEL_MODES} text={MODE_TEXT} value={form.mode} onChange={(v) => set('mode', v)} errors={fieldErrors('mode')} />
      <ChoiceGroup
        name="assignment"
        legend="Assignment strategy"
        options={ASSIGNMENT_STRATEGIES}
        text={STRATEGY_TEXT}
        value={form.assignment}
        onChange={(v) => set('assignment', v)}
        errors={fieldErrors('assignment')}
      >
        {form.assignment === 'random' && (
          <div className="seed-field">
            <NumberField
              id="settings-seed"
              label="Seed"
              value={form.seed}
              onChange={(v) => set('seed', v)}
              errors={fieldErrors('seed')}
              hint="The same seed always gives the same order; another seed reshuffles."
            />
          </div>
        )}
      </ChoiceGroup>
      <TaxonomyEditor value={form.taxonomy} onChange={(v) => set('taxonomy', v)} errors={fieldErrors('taxonomy')} />
      <GuidelinesEditor value={form.guidelines} onChange={(v) => set('guidelines', v)} errors={fieldErrors('guidelines')} />
      <FormErrorList messages={errors.form} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {creating ? 'Create project' : 'Save'}
        </button>
        {Object.keys(errors.fields).length > 0 && (
          <span className="form-error" role="alert">
            Please fix: {fieldsToFix(errors)}.
          </span>
        )}
        {saved && !creating && (
          <span className="notice" role="status">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}

interface NumberFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: string[] | undefined;
  hint?: string;
}

function NumberField({ id, label, value, onChange, errors, hint }: NumberFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input {...fieldProps(id, errors, hint !== undefined)} type="text" inputMode="numeric" value={value} onChange={(e) => onChange(e.target.value)} size={8} />
      {hint && (
        <span id={`${id}-hint`} className="muted">
          {hint}
        </span>
      )}
      <FieldErrors id={id} messages={errors} />
    </div>
  );
}
