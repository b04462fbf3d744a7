import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { Cart, JsonAnswer } from '../../../lib/api/types';
import { useAuth } from '../../auth';
import { cartKeys } from './keys';

/** A guest's new, empty cart: the token to send as X-Cart-Token. */
export const createGuestCart = () => client.post<JsonAnswer<'createGuestCart', 201>>('/api/carts');

export const addToCart = (productId: number, quantity: number) =>
  client.post<Cart>('/api/cart/items', { product_id: productId, quantity }, { cart: true });

export const setCartQuantity = (productId: number, quantity: number) =>
  client.put<Cart>(`/api/cart/items/${productId}`, { quantity }, { cart: true });

export const removeFromCart = (productId: number) =>
  client.delete<Cart>(`/api/cart/items/${productId}`, { cart: true });

async function ensureGuestCart(signedIn: boolean) {
  if (signedIn || client.cartToken.get()) return;
  const { cart_token } = await createGuestCart();
  client.cartToken.set(cart_token);
}

/** Changes to the cart; each refreshes the cart afterwards. */
export function useCartActions() {
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: cartKeys.all });

  const add = useMutation({
    mutationFn: async ({ productId, quantity }: { productId: number; quantity: number }) => {
      await ensureGuestCart(user !== null);
      return addToCart(productId, quantity);
    },
    onSuccess,
  });
  const setQuantity = useMutation({
    mutationFn: ({ productId, quantity }: { productId: number; quantity: number }) =>
      setCartQuantity(productId, quantity),
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: (productId: number) => removeFromCart(productId),
    onSuccess,
  });
  return { add, setQuantity, remove };
}
