import { errorMessage } from '../lib/api';

/** A failed request, said plainly, with an optional retry. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  return (
    <div className="notification is-danger is-light" role="alert">
      <p>{errorMessage(error)}</p>
      {onRetry && (
        <button type="button" className="button is-small mt-2" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
