import { type ReactNode } from 'react';

/** A form's submit button, spinning and disabled while the form is busy. */
export function SubmitButton({
  busy,
  className = 'is-primary',
  children,
}: {
  busy: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="submit"
      className={`button ${className} ${busy ? 'is-loading' : ''}`}
      disabled={busy}
    >
      {children}
    </button>
  );
}
