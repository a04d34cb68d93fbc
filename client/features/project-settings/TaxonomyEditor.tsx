import { useState, type KeyboardEvent } from 'react';
import { DEFAULT_ERROR_TAXONOMY } from '../../../shared/constants';
import { FieldErrors } from '../../app/FieldErrors';
import { fieldProps } from '../../app/field-props';
import { addType, moveItem, removeAt } from './taxonomy-list';

interface TaxonomyEditorProps {
  value: string[];
  onChange: (next: string[]) => void;
  errors: string[] | undefined;
}

/** The error types annotators pick from, in menu order: add, remove, move up and down. */
export function TaxonomyEditor({ value, onChange, errors }: TaxonomyEditorProps) {
  const [draft, setDraft] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const add = () => {
    const result = addType(value, draft);
    if (!result.ok) {
      setAddError(result.error);
      return;
    }
    onChange(result.list);
    setDraft('');
    setAddError(null);
    setStatus(`Added ${result.name}.`);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter adds the type instead of submitting the whole form.
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  };
  const move = (index: number, delta: -1 | 1) => {
    onChange(moveItem(value, index, delta));
    setStatus(`Moved ${value[index]} ${delta < 0 ? 'up' : 'down'}.`);
  };

  return (
    <fieldset className="taxonomy" aria-describedby={errors?.length ? 'taxonomy-error' : 'taxonomy-hint'} data-invalid={errors?.length ? true : undefined}>
      <legend>Error taxonomy</legend>
      <p id="taxonomy-hint" className="muted">
        The error types annotators choose from, in this order. Names use lowercase letters, digits and “_”.
      </p>
      <ol className="taxonomy-list" aria-label="Error types">
        {value.map((name, index) => (
          <li key={name}>
            <span className="taxonomy-index" aria-hidden="true">
              {index + 1}.
            </span>
            <code>{name}</code>
            <span className="taxonomy-actions">
              <button type="button" className="small" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                Up
              </button>
              <button
                type="button"
                className="small"
                aria-label={`Move ${name} down`}
                disabled={index === value.length - 1}
                onClick={() => move(index, 1)}
              >
                Down
              </button>
              <button
                type="button"
                className="small"
                aria-label={`Remove ${name}`}
                onClick={() => {
                  onChange(removeAt(value, index));
                  setStatus(`Removed ${name}.`);
                }}
              >
                Remove
              </button>
            </span>
          </li>
        ))}
      </ol>
      {value.length === 0 && <p className="muted">No error types: add at least one.</p>}
      <div className="taxonomy-add">
        <label htmlFor="taxonomy-new">New error type</label>
        <input
          {...fieldProps('taxonomy-new', addError ? [addError] : undefined)}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="e.g. units"
        />
        <button type="button" onClick={add}>
          Add error type
        </button>
        <button
          type="button"
          onClick={() => {
            onChange([...DEFAULT_ERROR_TAXONOMY]);
            setStatus('Back to the default error types.');
          }}
        >
          Reset to defaults
        </button>
      </div>
      <FieldErrors id="taxonomy-new" messages={addError ? [addError] : undefined} />
      <FieldErrors id="taxonomy" messages={errors} />
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </fieldset>
  );
}
