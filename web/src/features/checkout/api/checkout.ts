import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { CheckoutInput, CheckoutResult } from '../../../lib/api/types';
import { cartKeys } from '../../cart';
import { notificationKeys } from '../../notifications';
import { orderKeys } from '../../orders';

/**
 * Pays for the cart: one payment, one order per shop. The key makes a retried
 * request (the same attempt) take effect once.
 */
export const checkout = (input: CheckoutInput, idempotencyKey: string) =>
  client.post<CheckoutResult>('/api/checkout', input, {
    headers: { 'Idempotency-Key': idempotencyKey },
    cart: true,
  });

/**
 * Pays; the cart (emptied, or changed by a refusal), the orders and the bell
 * (a receipt per shop is in it now) are asked for again.
 */
export function useCheckout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: CheckoutInput; idempotencyKey: string }) =>
      checkout(input, idempotencyKey),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: cartKeys.all });
      queryClient.invalidateQueries({ queryKey: orderKeys.lists() });
      queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: cartKeys.all }),
  });
}
