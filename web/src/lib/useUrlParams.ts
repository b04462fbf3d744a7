import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * Page state kept in the URL's query string. update() sets or (with an empty
 * value) removes parameters; any change but a page change goes back to page 1.
 */
export function useUrlParams() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: Record<string, string | number | undefined>) => {
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      });
    },
    [setParams],
  );
  const page = Math.max(1, Number(params.get('page')) || 1);
  return { params, update, page };
}
