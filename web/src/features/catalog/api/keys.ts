import type { MyProductQuery, ProductQuery } from '../../../lib/api/types';

/** Query keys of products: searches, one product, a vendor's own, the categories. */
export const productKeys = {
  all: ['products'] as const,
  searches: () => [...productKeys.all, 'search'] as const,
  search: (query: ProductQuery) => [...productKeys.searches(), query] as const,
  detail: (id: number) => [...productKeys.all, 'detail', id] as const,
  allMine: () => [...productKeys.all, 'mine'] as const,
  mine: (query: MyProductQuery) => [...productKeys.allMine(), query] as const,
  categories: () => ['categories'] as const,
};
