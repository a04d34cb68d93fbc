import { useDeferredValue } from 'react';
import { FieldErrors } from '../../app/FieldErrors';
import { fieldProps } from '../../app/field-props';
import { GuidelinesMarkdown } from '../workspace/GuidelinesMarkdown';

interface GuidelinesEditorProps {
  value: string;
  onChange: (next: string) => void;
  errors: string[] | undefined;
}

/**
 * Markdown on the left, what annotators will see on the right. The preview is the annotate
 * page's own renderer (GuidelinesMarkdown): no raw HTML, only http(s) links, no fetched images.
 */
export function GuidelinesEditor({ value, onChange, errors }: GuidelinesEditorProps) {
  // A long text re-renders the preview a beat later, never the typing.
  const preview = useDeferredValue(value);
  return (
    <div className="guidelines-editor">
      <div className="guidelines-source">
        <label htmlFor="settings-guidelines">Guidelines</label>
        <span id="settings-guidelines-hint" className="muted">
          Markdown. Annotators open them from the annotate page (key g).
        </span>
        <textarea {...fieldProps('settings-guidelines', errors, true)} rows={14} value={value} onChange={(e) => onChange(e.target.value)} />
        <FieldErrors id="settings-guidelines" messages={errors} />
      </div>
      <section className="guidelines-preview" aria-label="Guidelines preview">
        <h3 className="muted">Preview</h3>
        {preview.trim() === '' ? <p className="muted">Nothing written yet.</p> : <GuidelinesMarkdown text={preview} />}
      </section>
    </div>
  );
}
