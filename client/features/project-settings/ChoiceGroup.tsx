import type { ReactNode } from 'react';
import { FieldErrors } from '../../app/FieldErrors';

interface ChoiceGroupProps<T extends string> {
  /** Also the ids' prefix. */
  name: string;
  legend: string;
  options: readonly T[];
  text: Record<T, { label: string; help: string }>;
  value: T;
  onChange: (next: T) => void;
  errors: string[] | undefined;
  /** Shown under the options (e.g. the seed of the random strategy). */
  children?: ReactNode;
}

/** Radio buttons, each with a one-line explanation that is part of its accessible description. */
export function ChoiceGroup<T extends string>({ name, legend, options, text, value, onChange, errors, children }: ChoiceGroupProps<T>) {
  return (
    <fieldset className="choice-group" aria-describedby={errors?.length ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => {
        const id = `${name}-${option}`;
        return (
          <div key={option} className="choice">
            <input
              type="radio"
              id={id}
              name={name}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
              aria-describedby={`${id}-help`}
            />
            <label htmlFor={id}>{text[option].label}</label>
            <span id={`${id}-help`} className="muted">
              {text[option].help}
            </span>
          </div>
        );
      })}
      <FieldErrors id={name} messages={errors} />
      {children}
    </fieldset>
  );
}
