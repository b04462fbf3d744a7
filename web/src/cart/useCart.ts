import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, client } from '../api';
import type { Cart } from '../api/types';
import { useAuth } from '../auth/useAuth';

export const CART_KEY = ['cart'] as const;

export const EMPTY_CART: Cart = {
  items: [],
  shops: [],
  total_cents: 0,
  currency: 'USD',
  item_count: 0,
  warnings: [],
};

/** The signed-in user's cart, or the guest cart kept by its token. */
export function useCart() {
  const { user, loading } = useAuth();
  return useQuery({
    queryKey: [...CART_KEY, user?.id ?? 'guest'],
    enabled: !loading,
    queryFn: async () => {
      // A guest without a cart yet has an empty one; it is made on the first add.
      if (!user && !client.cartToken.get()) return EMPTY_CART;
      try {
        return await api.cart.get();
      } catch (error) {
        // A guest cart that expired or vanished: start afresh.
        if (!user && error instanceof ApiError && (error.status === 404 || error.status === 401)) {
          client.cartToken.set(null);
          return EMPTY_CART;
        }
        throw error;
      }
    },
    placeholderData: EMPTY_CART,
  });
}

async function ensureGuestCart(signedIn: boolean) {
  if (signedIn || client.cartToken.get()) return;
  const { cart_token } = await api.cart.create();
  client.cartToken.set(cart_token);
}

/** Changes to the cart; each refreshes the cart afterwards. */
export function useCartActions() {
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: CART_KEY });

  const add = useMutation({
    mutationFn: async ({ productId, quantity }: { productId: number; quantity: number }) => {
      await ensureGuestCart(user !== null);
      return api.cart.add(productId, quantity);
    },
    onSuccess,
  });
  const setQuantity = useMutation({
    mutationFn: ({ productId, quantity }: { productId: number; quantity: number }) =>
      api.cart.setQuantity(productId, quantity),
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: (productId: number) => api.cart.remove(productId),
    onSuccess,
  });
  return { add, setQuantity, remove };
}
