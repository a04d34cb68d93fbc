import { useState, type FormEvent } from 'react';
import { describeError } from '../../api/api-error';
import { startOrmRun } from '../../api/orm-runs';
import { DEFAULT_ORM_FORM, toStartRequest, type OrmForm } from './orm-form';

/** Endpoint, model, concurrency, round and an optional prompt override; Start. */
export function OrmRunForm(props: { project: string; defaultTemplate: string; apiKeyConfigured: boolean; busy: boolean; onStarted: (id: number) => void }) {
  const { project, defaultTemplate, apiKeyConfigured, busy, onStarted } = props;
  const [form, setForm] = useState<OrmForm>({ ...DEFAULT_ORM_FORM, promptTemplate: defaultTemplate });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const set = (field: keyof OrmForm) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const request = toStartRequest(form, defaultTemplate);
    if (!request.ok) {
      setProblems(request.problems);
      return;
    }
    setProblems({});
    setError(null);
    setSending(true);
    startOrmRun(project, request.body).then(
      (run) => {
        setSending(false);
        onStarted(run.id);
      },
      (cause: unknown) => {
        setSending(false);
        setError(describeError(cause));
      },
    );
  };

  const field = (id: keyof OrmForm, label: string, hint: string, inputMode: 'text' | 'numeric' | 'url' = 'text') => (
    <div className="field">
      <label htmlFor={`orm-${id}`}>{label}</label>
      <input
        id={`orm-${id}`}
        type="text"
        inputMode={inputMode}
        value={form[id]}
        onChange={(e) => set(id)(e.target.value)}
        aria-invalid={problems[id] ? true : undefined}
        aria-describedby={`orm-${id}-hint`}
      />
      <span id={`orm-${id}-hint`} className={problems[id] ? 'field-error' : 'muted'}>
        {problems[id] ?? hint}
      </span>
    </div>
  );

  const customised = form.promptTemplate !== defaultTemplate;
  return (
    <form className="options-form orm-form" onSubmit={submit} aria-label="Start an ORM run" noValidate>
      <fieldset>
        <legend>Endpoint</legend>
        <div className="field-row">
          {field('endpoint', 'Endpoint', 'OpenAI-compatible base URL ending in /v1', 'url')}
          {field('model', 'Model', 'as the endpoint serves it; judgments are stored under this name')}
          {field('concurrency', 'Concurrency', 'requests in flight at most (1–32)', 'numeric')}
          {field('round', 'Round', 'blank: every round', 'numeric')}
        </div>
        <p className="muted">
          {apiKeyConfigured ? 'The server sends its REDLINE_ORM_API_KEY as the API key.' : 'No API key: the server has no REDLINE_ORM_API_KEY set.'}
        </p>
      </fieldset>
      <fieldset>
        <legend>Prompt {customised ? '(overridden)' : '(default)'}</legend>
        <label htmlFor="orm-prompt">Prompt template — placeholders {'{{question}} {{steps}} {{final_answer}} {{answer}}'}</label>
        <textarea
          id="orm-prompt"
          rows={10}
          value={form.promptTemplate}
          spellCheck={false}
          onChange={(e) => set('promptTemplate')(e.target.value)}
          aria-invalid={problems.promptTemplate ? true : undefined}
        />
        {problems.promptTemplate && <span className="field-error">{problems.promptTemplate}</span>}
        <button type="button" onClick={() => set('promptTemplate')(defaultTemplate)} disabled={!customised}>
          Reset to the default prompt
        </button>
      </fieldset>
      <div className="start-row">
        <button type="submit" className="primary" disabled={sending || busy}>
          {sending ? 'Starting…' : 'Start'}
        </button>
        {busy && <span className="muted">A run is going; stop it or wait for it before starting another.</span>}
        {error && <span role="alert">Could not start: {error}</span>}
      </div>
    </form>
  );
}
