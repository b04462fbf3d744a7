import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../api';
import type { ProductQuery, ProductSort } from '../api/types';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Pagination } from '../components/Pagination';
import { ProductGrid } from '../components/ProductCard';
import { centsToAmount, parseAmountToCents } from '../lib/money';
import { SORT_LABELS, paramsFromQuery, queryFromParams, withChanges } from '../lib/productSearch';
import { usePageTitle } from '../lib/usePageTitle';

function capitalize(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The price range form; its inputs are in currency units, the URL in cents. */
function PriceFilter({
  query,
  onApply,
}: {
  query: ProductQuery;
  onApply: (changes: Partial<ProductQuery>) => void;
}) {
  const [min, setMin] = useState(centsToAmount(query.min_price));
  const [max, setMax] = useState(centsToAmount(query.max_price));
  const [error, setError] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minCents = min.trim() ? parseAmountToCents(min) : undefined;
    const maxCents = max.trim() ? parseAmountToCents(max) : undefined;
    if ((min.trim() && minCents === undefined) || (max.trim() && maxCents === undefined)) {
      setError('Enter prices like 12 or 12.50.');
      return;
    }
    if (minCents !== undefined && maxCents !== undefined && minCents > maxCents) {
      setError('The minimum is above the maximum.');
      return;
    }
    setError('');
    onApply({ min_price: minCents, max_price: maxCents });
  };
  return (
    <form onSubmit={submit} aria-labelledby="price-heading" noValidate>
      <h3 id="price-heading" className="title is-6 mb-2">
        Price
      </h3>
      <div className="field is-grouped">
        <div className="control">
          <label className="label is-small" htmlFor="min-price">
            Min
          </label>
          <input
            id="min-price"
            className="input is-small"
            inputMode="decimal"
            value={min}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? 'price-error' : undefined}
            onChange={(e) => setMin(e.target.value)}
          />
        </div>
        <div className="control">
          <label className="label is-small" htmlFor="max-price">
            Max
          </label>
          <input
            id="max-price"
            className="input is-small"
            inputMode="decimal"
            value={max}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? 'price-error' : undefined}
            onChange={(e) => setMax(e.target.value)}
          />
        </div>
      </div>
      {error && (
        <p className="help is-danger" id="price-error">
          {error}
        </p>
      )}
      <button type="submit" className="button is-small">
        Apply price
      </button>
    </form>
  );
}

export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  usePageTitle(query.q ? `“${query.q}”` : 'Browse');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const results = useQuery({
    queryKey: ['products', query],
    queryFn: () => api.catalog.search({ ...query, limit: 24 }),
    placeholderData: keepPreviousData,
  });
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
                {results.data &&
                  `${results.data.total} ${results.data.total === 1 ? 'product' : 'products'}`}
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
                Try other words{hasFilters ? ' or fewer filters' : ''}.
              </EmptyState>
            )}
            {results.data && results.data.items.length > 0 && (
              <ProductGrid products={results.data.items} />
            )}
            {results.data && (
              <Pagination
                page={results.data.page}
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
