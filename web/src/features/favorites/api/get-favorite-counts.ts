import { useQuery } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { FavoriteCounts } from '../../../lib/api/types';
import { favoriteKeys } from './keys';

/** How many people saved each of the vendor's products (those saved at least once). */
export const getFavoriteCounts = () => client.get<FavoriteCounts>('/api/my/favorite-counts');

// One function, so that TanStack Query keeps the Map while the counts stay the same.
const byProduct = (counts: FavoriteCounts) =>
  new Map(counts.items.map((count) => [count.product_id, count.people]));

/** For the vendor's product list: product id to how many people saved it. */
export function useFavoriteCounts(enabled: boolean) {
  return useQuery({
    queryKey: favoriteKeys.counts(),
    queryFn: getFavoriteCounts,
    enabled,
    select: byProduct,
  });
}
