import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { Order } from '../../../lib/api/types';
import { earningsKeys } from '../../earnings';
import { orderKeys, placeOrder } from './keys';

export const cancelOrder = (id: number, reason: string) =>
  client.post<Order>(`/api/orders/${id}/cancel`, { reason });

export const processOrder = (id: number) => client.post<Order>(`/api/orders/${id}/process`);

export const shipOrder = (id: number, carrier: string, trackingNumber: string) =>
  client.post<Order>(`/api/orders/${id}/ship`, { carrier, tracking_number: trackingNumber });

export const deliverOrder = (id: number) => client.post<Order>(`/api/orders/${id}/deliver`);

export const refundOrder = (id: number, reason: string) =>
  client.post<Order>(`/api/orders/${id}/refund`, reason ? { reason } : {});

export type OrderAction = 'process' | 'ship' | 'deliver' | 'cancel' | 'refund';

/** What an action sends besides the order: a shipment's carrier and tracking, a reason. */
export interface OrderActionInput {
  action: OrderAction;
  carrier?: string;
  trackingNumber?: string;
  reason?: string;
}

function runOrderAction(id: number, input: OrderActionInput): Promise<Order> {
  switch (input.action) {
    case 'process':
      return processOrder(id);
    case 'ship':
      return shipOrder(id, input.carrier ?? '', input.trackingNumber ?? '');
    case 'deliver':
      return deliverOrder(id);
    case 'cancel':
      return cancelOrder(id, input.reason ?? '');
    case 'refund':
      return refundOrder(id, input.reason ?? '');
  }
}

/** Moves an order on; the order's page, the order lists, the dashboard and the earnings follow. */
export function useOrderAction(id: number, { onSuccess }: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrderActionInput) => runOrderAction(id, input),
    onSuccess: (updated) => {
      onSuccess?.();
      placeOrder(queryClient, id, updated);
      queryClient.invalidateQueries({ queryKey: orderKeys.lists() });
      queryClient.invalidateQueries({ queryKey: orderKeys.dashboard() });
      queryClient.invalidateQueries({ queryKey: earningsKeys.all });
    },
  });
}
