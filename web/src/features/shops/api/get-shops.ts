import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { ShopPage, ShopQuery } from '../../../lib/api/types';
import { shopKeys } from './keys';

/** The shop directory, each shop with its newest products. */
export const listShops = (query: ShopQuery = {}) => client.get<ShopPage>('/api/shops', { query });

export const shopsQueryOptions = (query: ShopQuery) =>
  queryOptions({
    queryKey: shopKeys.list(query),
    queryFn: () => listShops(query),
    placeholderData: keepPreviousData,
  });

export const useShops = (query: ShopQuery) => useQuery(shopsQueryOptions(query));
