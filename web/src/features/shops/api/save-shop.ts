import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, segment } from '../../../lib/api';
import type { Shop, ShopInput } from '../../../lib/api/types';
import { shopKeys } from './keys';

export const createShop = (input: ShopInput) => client.post<Shop>('/api/shops', input);

export const updateShop = (slug: string, input: ShopInput) =>
  client.patch<Shop>(`/api/shops/${segment(slug)}`, input);

/** Opens the vendor's shop, or (given it) changes it. */
export function useSaveShop(shop: Shop | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ShopInput) => (shop ? updateShop(shop.slug, input) : createShop(input)),
    onSuccess: (saved) => {
      queryClient.setQueryData(shopKeys.mine(), saved);
      queryClient.invalidateQueries({ queryKey: shopKeys.details() });
      queryClient.invalidateQueries({ queryKey: shopKeys.lists() });
    },
  });
}
