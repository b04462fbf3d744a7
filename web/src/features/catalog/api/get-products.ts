import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { ProductPage, ProductQuery } from '../../../lib/api/types';
import { productKeys } from './keys';

/** Products on sale, searched, filtered and sorted (the store's catalog). */
export const searchProducts = (query: ProductQuery = {}) =>
  client.get<ProductPage>('/api/products', { query: { ...query } });

export const productsQueryOptions = (query: ProductQuery) =>
  queryOptions({
    queryKey: productKeys.search(query),
    queryFn: () => searchProducts(query),
    placeholderData: keepPreviousData,
  });

export const useProducts = (query: ProductQuery) => useQuery(productsQueryOptions(query));
