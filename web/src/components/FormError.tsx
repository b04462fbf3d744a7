import { ApiError, errorMessage } from '../lib/api';

/**
 * The summary of a failed form submission. When the server listed field
 * errors they are shown next to the fields; this says what to do overall.
 */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  const hasFields = error instanceof ApiError && Object.keys(error.fieldErrors).length > 0;
  return (
    <div className="notification is-danger is-light" role="alert">
      {hasFields ? 'Please correct the highlighted fields.' : errorMessage(error)}
    </div>
  );
}
