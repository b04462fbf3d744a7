import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { client, segment } from '../../../lib/api';
import type { OrderEarnings, OrderEarningsPage } from '../../../lib/api/types';
import { earningsKeys } from './keys';

const PAGE_SIZE = 20;

/** One page of what each of the shop's orders earned, newest first. */
export const getOrderEarningsPage = (page: number) =>
  client.get<OrderEarningsPage>('/api/my/earnings/orders', {
    query: { page, limit: PAGE_SIZE },
  });

/** What one of the shop's orders earned (404 before it is captured). */
export const getOrderEarnings = (id: number) =>
  client.get<OrderEarnings>(`/api/my/earnings/orders/${segment(id)}`);

export const orderEarningsPageQueryOptions = (page: number) =>
  queryOptions({
    queryKey: earningsKeys.orders(page),
    queryFn: () => getOrderEarningsPage(page),
  });

export const useOrderEarningsPage = (page: number, { enabled = true } = {}) =>
  useQuery({ ...orderEarningsPageQueryOptions(page), enabled, placeholderData: keepPreviousData });

export const orderEarningsQueryOptions = (id: number) =>
  queryOptions({ queryKey: earningsKeys.order(id), queryFn: () => getOrderEarnings(id) });

export const useOrderEarnings = (id: number, { enabled = true } = {}) =>
  useQuery({ ...orderEarningsQueryOptions(id), enabled, retry: false });
