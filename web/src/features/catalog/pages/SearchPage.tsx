import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { Pagination } from '../../../components/Pagination';
import { ProductGrid } from '../../../components/ProductCard';
import type { ProductQuery, ProductSort } from '../../../lib/api/types';
import { usePageTitle } from '../../../lib/usePageTitle';
import { FavoriteButton } from '../../favorites';
import { useProducts } from '../api/get-products';
import { DidYouMean } from '../components/DidYouMean';
import { PriceFilter } from '../components/PriceFilter';
import { SORT_LABELS, paramsFromQuery, queryFromParams, withChanges } from '../utils/search';
import { resultCount } from '../utils/resultCount';

function capitalize(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  usePageTitle(query.q ? `“${query.q}”` : 'Browse');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const results = useProducts({ ...query, limit: 24 });
  const apply = (changes: Partial<ProductQuery>) =>
    setParams(paramsFromQuery(withChanges(query, changes)));
  const facets = results.data?.facets?.category ?? [];
  const sort: ProductSort = query.sort ?? (query.q ? 'relevance' : 'newest');
  const hasFilters = Boolean(
    query.category ||
    query.min_price !== undefined ||
    query.max_price !== undefined ||
    query.in_stock ||
    query.shop,
  );

  return (
    <section className="section">
      <div className="container">
        <h1 className="title">{query.q ? `Results for “${query.q}”` : 'Browse products'}</h1>
        {query.shop && (
          <p className="mb-3">
            In shop <strong>{query.shop}</strong>{' '}
            <button
              type="button"
              className="button is-small is-text"
              onClick={() => apply({ shop: undefined })}
            >
              Show all shops
            </button>
          </p>
        )}
        <button
          type="button"
          className="button is-fullwidth is-hidden-tablet mb-3"
          aria-expanded={filtersOpen}
          aria-controls="search-filters"
          onClick={() => setFiltersOpen((open) => !open)}
        >
          {filtersOpen ? 'Hide filters' : 'Show filters'}
        </button>
        <div className="columns">
          <aside
            id="search-filters"
            className={`column is-3 filters ${filtersOpen ? '' : 'is-hidden-mobile'}`}
            aria-label="Filters"
          >
            <nav aria-labelledby="category-heading" className="mb-5">
              <h3 id="category-heading" className="title is-6 mb-2">
                Category
              </h3>
              <ul className="facet-list">
                <li>
                  <button
                    type="button"
                    className={`facet ${!query.category ? 'is-active' : ''}`}
                    aria-pressed={!query.category}
                    onClick={() => apply({ category: undefined })}
                  >
                    All categories
                  </button>
                </li>
                {facets.map((facet) => (
                  <li key={facet.value}>
                    <button
                      type="button"
                      className={`facet ${query.category === facet.value ? 'is-active' : ''}`}
                      aria-pressed={query.category === facet.value}
                      onClick={() => apply({ category: facet.value })}
                    >
                      {capitalize(facet.value)}{' '}
                      <span className="tag is-rounded is-light">{facet.count}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="mb-5">
              <PriceFilter
                key={`${query.min_price}-${query.max_price}`}
                query={query}
                onApply={apply}
              />
            </div>
            <div className="field">
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={Boolean(query.in_stock)}
                  onChange={(e) => apply({ in_stock: e.target.checked || undefined })}
                />{' '}
                In stock only
              </label>
            </div>
            {hasFilters && (
              <button
                type="button"
                className="button is-small is-light"
                onClick={() => setParams(paramsFromQuery({ q: query.q, sort: query.sort }))}
              >
                Clear filters
              </button>
            )}
          </aside>
          <div className="column">
            <div className="level is-mobile mb-4">
              <p className="level-left" aria-live="polite" data-testid="result-count">
                {results.data && resultCount(results.data.total, results.data.total_capped)}
              </p>
              <div className="level-right field">
                <label className="label is-small mr-2 mb-0" htmlFor="sort">
                  Sort by
                </label>
                <div className="select is-small">
                  <select
                    id="sort"
                    value={sort}
                    onChange={(e) => apply({ sort: e.target.value as ProductSort })}
                  >
                    {(Object.keys(SORT_LABELS) as ProductSort[])
                      .filter((s) => s !== 'relevance' || query.q)
                      .map((s) => (
                        <option key={s} value={s}>
                          {SORT_LABELS[s]}
                        </option>
                      ))}
                  </select>
                </div>
              </div>
            </div>
            {results.isPending && <Loading />}
            <ErrorNotice error={results.error} onRetry={() => results.refetch()} />
            {results.data?.items.length === 0 && (
              <EmptyState title="Nothing matches">
                {results.data.did_you_mean && (
                  <DidYouMean query={query} suggestion={results.data.did_you_mean} />
                )}
                Try other words{hasFilters ? ' or fewer filters' : ''}.
              </EmptyState>
            )}
            {results.data && results.data.items.length > 0 && (
              <ProductGrid
                products={results.data.items}
                action={(product) => <FavoriteButton product={product} />}
              />
            )}
            {results.data && (
              <Pagination
                page={results.data.page ?? 1}
                pages={results.data.pages}
                onPage={(page) => apply({ page })}
              />
            )}
          </div>
        </div>
      </div>
    </section>
  );
}
