import type { ShopOrderQuery } from '../../../lib/api/types';

/** Query keys of orders: the buyer's pages, the shop's, one order; the shop's dashboard. */
export const orderKeys = {
  all: ['orders'] as const,
  lists: () => [...orderKeys.all, 'list'] as const,
  mine: (page: number) => [...orderKeys.lists(), 'mine', page] as const,
  shop: (query: ShopOrderQuery) => [...orderKeys.lists(), 'shop', query] as const,
  detail: (id: number) => [...orderKeys.all, 'detail', id] as const,
  dashboard: () => ['dashboard'] as const,
};
