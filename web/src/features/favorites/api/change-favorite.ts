import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { client, segment } from '../../../lib/api';
import type { Favorite, FavoriteIds } from '../../../lib/api/types';
import { favoriteKeys } from './keys';

/** Saves a product (idempotent: saving it again keeps the first time). */
export const saveFavorite = (productId: number) =>
  client.put<Favorite>(`/api/me/favorites/${segment(productId)}`);

/** Removes a product from the favorites (idempotent). */
export const removeFavorite = (productId: number) =>
  client.delete<void>(`/api/me/favorites/${segment(productId)}`);

const CHANGE_FAVORITE = [...favoriteKeys.all, 'change'] as const;

/** The cached ids with one product saved (first, as the newest) or removed. */
function markSaved(queryClient: QueryClient, productId: number, saved: boolean) {
  queryClient.setQueryData<FavoriteIds>(favoriteKeys.ids(), (ids) => {
    if (!ids) return ids;
    const others = ids.product_ids.filter((id) => id !== productId);
    return { product_ids: saved ? [productId, ...others] : others };
  });
}

/**
 * Saves (`true`) or removes (`false`) a product. Every heart showing it
 * changes at once; a failure puts back that product's state alone (another
 * one changed meanwhile keeps its own). One product's changes reach the
 * server one after the other, in the order pressed: a save and its undo sent
 * together could arrive the other way round. The ids and lists are asked for
 * anew once the last change in flight has settled, so that the answer to an
 * earlier change cannot undo a later one on screen.
 */
export function useChangeFavorite(productId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: CHANGE_FAVORITE,
    scope: { id: `favorite-${productId}` },
    mutationFn: (saved: boolean) =>
      saved ? saveFavorite(productId).then(() => undefined) : removeFavorite(productId),
    onMutate: async (saved) => {
      await queryClient.cancelQueries({ queryKey: favoriteKeys.ids() });
      markSaved(queryClient, productId, saved);
    },
    onError: (_error, saved) => markSaved(queryClient, productId, !saved),
    onSettled: () => {
      if (queryClient.isMutating({ mutationKey: CHANGE_FAVORITE }) === 1)
        return queryClient.invalidateQueries({ queryKey: favoriteKeys.all });
    },
  });
}
