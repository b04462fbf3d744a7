import { type ReactNode } from 'react';
import { Field } from './Field';

/** A labelled, required text input whose string value the form keeps. */
export function TextField({
  label,
  value,
  onChange,
  errors,
  help,
  type = 'text',
  autoComplete,
  minLength,
  maxLength,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
  help?: ReactNode;
  type?: 'text' | 'email' | 'password';
  autoComplete: string;
  minLength?: number;
  maxLength?: number;
}) {
  return (
    <Field label={label} errors={errors} help={help}>
      {(props) => (
        <input
          {...props}
          className="input"
          type={type}
          autoComplete={autoComplete}
          required
          minLength={minLength}
          maxLength={maxLength}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
