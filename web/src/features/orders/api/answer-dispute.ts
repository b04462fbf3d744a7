import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { Order } from '../../../lib/api/types';
import { placeOrder } from './keys';

export const answerDispute = (id: number, explanation: string) =>
  client.post<Order>(`/api/orders/${id}/dispute/evidence`, { explanation });

/** Sends the vendor's answer to the dispute of the order's payment; the order follows. */
export function useAnswerDispute(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (explanation: string) => answerDispute(id, explanation),
    onSuccess: (order) => {
      placeOrder(queryClient, id, order);
    },
  });
}
