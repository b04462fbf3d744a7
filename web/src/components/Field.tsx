import { useId, type ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/**
 * A labelled form field: the control gets an id tied to the label, and its
 * help text and error messages are tied to it with aria-describedby.
 */
export function Field({
  label,
  errors,
  help,
  children,
  className = '',
}: {
  label: ReactNode;
  errors?: string[];
  help?: ReactNode;
  children: (props: ControlProps) => ReactNode;
  className?: string;
}) {
  const id = useId();
  const helpId = help ? `${id}-help` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${className}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <div className="control">
        {children({ id, 'aria-invalid': Boolean(errorId), 'aria-describedby': describedBy })}
      </div>
      {help && (
        <p className="help" id={helpId}>
          {help}
        </p>
      )}
      {errorId && (
        <p className="help is-danger" id={errorId}>
          {errors!.join(' ')}
        </p>
      )}
    </div>
  );
}
