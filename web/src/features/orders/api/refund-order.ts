import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { RefundRequest, RefundResult } from '../../../lib/api/types';
import { earningsKeys } from '../../earnings';
import { orderKeys, placeOrder } from './keys';

/**
 * Refunds items or an amount of an order. The key names one attempt: a retry
 * of it with the same key refunds nothing more (the server answers the first
 * refund again).
 */
export const refundOrderPart = (id: number, request: RefundRequest, idempotencyKey: string) =>
  client.post<RefundResult>(`/api/orders/${id}/refunds`, request, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });

export interface RefundAttempt {
  request: RefundRequest;
  idempotencyKey: string;
}

/** Refunds part of an order; the order, the order lists, the dashboard and the money follow. */
export function useRefundOrder(id: number, { onSuccess }: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: RefundAttempt) =>
      refundOrderPart(id, request, idempotencyKey),
    onSuccess: ({ order }) => {
      onSuccess?.();
      placeOrder(queryClient, id, order);
      queryClient.invalidateQueries({ queryKey: orderKeys.lists() });
      queryClient.invalidateQueries({ queryKey: orderKeys.dashboard() });
      queryClient.invalidateQueries({ queryKey: earningsKeys.all });
    },
  });
}
