import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { Order } from '../../../lib/api/types';
import { orderKeys } from './keys';

export const getOrder = (id: number) => client.get<Order>(`/api/orders/${id}`);

/** An order by its id; an id that cannot be one asks nothing. */
export const orderQueryOptions = (id: number) =>
  queryOptions({
    queryKey: orderKeys.detail(id),
    queryFn: () => getOrder(id),
    enabled: Number.isInteger(id) && id > 0,
  });

export const useOrder = (id: number) => useQuery(orderQueryOptions(id));
