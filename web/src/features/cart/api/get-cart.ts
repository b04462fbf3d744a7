import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, client } from '../../../lib/api';
import type { Cart } from '../../../lib/api/types';
import { useAuth } from '../../auth';
import { cartKeys } from './keys';

export const EMPTY_CART: Cart = {
  items: [],
  shops: [],
  subtotal_cents: 0,
  shipping_cents: 0,
  total_cents: 0,
  currency: 'USD',
  item_count: 0,
  warnings: [],
};

/** The signed-in user's cart, or (with the cart token) the guest's. */
export const getCart = () => client.get<Cart>('/api/cart', { cart: true });

export function cartQueryOptions(userId: number | null) {
  return queryOptions({
    queryKey: cartKeys.of(userId),
    queryFn: async () => {
      const guest = userId === null;
      // A guest without a cart yet has an empty one; it is made on the first add.
      if (guest && !client.cartToken.get()) return EMPTY_CART;
      try {
        return await getCart();
      } catch (error) {
        // A guest cart that expired or vanished: start afresh.
        if (guest && error instanceof ApiError && (error.status === 404 || error.status === 401)) {
          client.cartToken.set(null);
          return EMPTY_CART;
        }
        throw error;
      }
    },
    placeholderData: EMPTY_CART,
  });
}

/** The signed-in user's cart, or the guest cart kept by its token. */
export function useCart() {
  const { user, loading } = useAuth();
  return useQuery({ ...cartQueryOptions(user?.id ?? null), enabled: !loading });
}
