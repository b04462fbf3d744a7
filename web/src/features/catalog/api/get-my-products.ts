import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { MyProductQuery, ProductPage } from '../../../lib/api/types';
import { productKeys } from './keys';

/** The signed-in vendor's products, drafts included. */
export const getMyProducts = (query: MyProductQuery = {}) =>
  client.get<ProductPage>('/api/my/products', { query: { ...query } });

export const myProductsQueryOptions = (query: MyProductQuery) =>
  queryOptions({
    queryKey: productKeys.mine(query),
    queryFn: () => getMyProducts(query),
    placeholderData: keepPreviousData,
  });

export const useMyProducts = (query: MyProductQuery, { enabled = true } = {}) =>
  useQuery({ ...myProductsQueryOptions(query), enabled });
