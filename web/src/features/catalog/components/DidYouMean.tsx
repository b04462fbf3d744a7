import { Link } from 'react-router-dom';
import type { ProductQuery } from '../../../lib/api/types';
import { paramsFromQuery, withChanges } from '../utils/search';

/**
 * "Did you mean scarf?" under a search that found nothing: the server's
 * closest spelling that finds something under the same filters, as a link
 * to that search.
 */
export function DidYouMean({ query, suggestion }: { query: ProductQuery; suggestion: string }) {
  const search = paramsFromQuery(withChanges(query, { q: suggestion })).toString();
  return (
    <p className="mb-2" data-testid="did-you-mean">
      Did you mean{' '}
      <Link to={{ search: `?${search}` }}>
        <strong>{suggestion}</strong>
      </Link>
      ?
    </p>
  );
}
