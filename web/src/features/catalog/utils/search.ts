import type { ProductQuery, ProductSort } from '../../../lib/api/types';

const SORTS: ProductSort[] = ['relevance', 'newest', 'price_asc', 'price_desc'];

function positiveInt(text: string | null): number | undefined {
  if (text === null || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}

/**
 * Search state lives in the URL (shareable, back button works): the same
 * names and units as GET /api/products, prices in cents.
 */
export function queryFromParams(params: URLSearchParams): ProductQuery {
  const sort = params.get('sort') as ProductSort | null;
  const page = positiveInt(params.get('page'));
  return {
    q: params.get('q')?.trim() || undefined,
    category: params.get('category') || undefined,
    shop: params.get('shop') || undefined,
    min_price: positiveInt(params.get('min_price')),
    max_price: positiveInt(params.get('max_price')),
    in_stock: params.get('in_stock') === 'true' ? true : undefined,
    sort: sort && SORTS.includes(sort) ? sort : undefined,
    page: page && page > 1 ? page : undefined,
  };
}

export function paramsFromQuery(query: ProductQuery): URLSearchParams {
  const params = new URLSearchParams();
  const entries: [string, unknown][] = [
    ['q', query.q],
    ['category', query.category],
    ['shop', query.shop],
    ['min_price', query.min_price],
    ['max_price', query.max_price],
    ['in_stock', query.in_stock ? 'true' : undefined],
    ['sort', query.sort],
    ['page', query.page && query.page > 1 ? query.page : undefined],
  ];
  for (const [key, value] of entries) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params;
}

/** A new query with some fields changed; any change of filter goes back to page 1. */
export function withChanges(query: ProductQuery, changes: Partial<ProductQuery>): ProductQuery {
  const next = { ...query, ...changes };
  if (!('page' in changes)) next.page = undefined;
  return next;
}

export const SORT_LABELS: Record<ProductSort, string> = {
  relevance: 'Best match',
  newest: 'Newest',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
};
