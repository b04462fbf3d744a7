import { useState, type FormEvent } from 'react';
import { fieldErrorsOf } from './api';

/**
 * A form's submit handler with its busy flag and error. The flag stays set
 * after success, because a successful submit navigates away.
 */
export function useSubmit(action: () => Promise<void>) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return { submit, busy, error, errors: fieldErrorsOf(error) };
}
