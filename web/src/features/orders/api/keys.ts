import type { QueryClient } from '@tanstack/react-query';
import type { Order, ShopOrderQuery } from '../../../lib/api/types';

/** Query keys of orders: the buyer's pages, the shop's, one order; the shop's dashboard. */
export const orderKeys = {
  all: ['orders'] as const,
  lists: () => [...orderKeys.all, 'list'] as const,
  mine: (page: number) => [...orderKeys.lists(), 'mine', page] as const,
  shop: (query: ShopOrderQuery) => [...orderKeys.lists(), 'shop', query] as const,
  detail: (id: number) => [...orderKeys.all, 'detail', id] as const,
  dashboard: () => ['dashboard'] as const,
};

/**
 * Puts the order a change answered with in place of the one shown, keeping
 * what only GET /api/orders/{id} carries: the buyer's card and the vendor's
 * view of a dispute.
 */
export function placeOrder(queryClient: QueryClient, id: number, changed: Order) {
  queryClient.setQueryData(orderKeys.detail(id), (before: Order | undefined) => ({
    ...changed,
    payment: changed.payment ?? before?.payment,
    dispute: changed.dispute ?? before?.dispute,
  }));
}
