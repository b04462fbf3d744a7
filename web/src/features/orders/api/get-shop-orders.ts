import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { OrderPage, ShopOrderQuery } from '../../../lib/api/types';
import { orderKeys } from './keys';

/** The orders of the signed-in vendor's shop, optionally of one status. */
export const getShopOrders = (query: ShopOrderQuery = {}) =>
  client.get<OrderPage>('/api/my/shop/orders', { query });

export const shopOrdersQueryOptions = (query: ShopOrderQuery) =>
  queryOptions({
    queryKey: orderKeys.shop(query),
    queryFn: () => getShopOrders(query),
    placeholderData: keepPreviousData,
  });

export const useShopOrders = (query: ShopOrderQuery, { enabled = true } = {}) =>
  useQuery({ ...shopOrdersQueryOptions(query), enabled });
