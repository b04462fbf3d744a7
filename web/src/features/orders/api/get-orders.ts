import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { OrderPage } from '../../../lib/api/types';
import { orderKeys } from './keys';

/** The signed-in buyer's orders, newest first. */
export const getMyOrders = (page = 1) => client.get<OrderPage>('/api/orders', { query: { page } });

export const myOrdersQueryOptions = (page: number) =>
  queryOptions({
    queryKey: orderKeys.mine(page),
    queryFn: () => getMyOrders(page),
    placeholderData: keepPreviousData,
  });

export const useMyOrders = (page: number) => useQuery(myOrdersQueryOptions(page));
