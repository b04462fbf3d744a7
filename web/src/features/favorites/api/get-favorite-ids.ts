import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { FavoriteIds } from '../../../lib/api/types';
import { useAuth } from '../../auth';
import { favoriteKeys } from './keys';

/** The ids of every product the signed-in person saved (at most 500), newest first. */
export const getFavoriteIds = () => client.get<FavoriteIds>('/api/me/favorites/ids');

export const favoriteIdsQueryOptions = () =>
  queryOptions({ queryKey: favoriteKeys.ids(), queryFn: getFavoriteIds });

// One function, so that TanStack Query keeps the Set while the ids stay the same.
const asSet = (ids: FavoriteIds) => new Set(ids.product_ids);

/**
 * Which products the signed-in person saved: one request that every
 * FavoriteButton on the page shares, never one a card; nothing for a guest.
 */
export function useFavoriteIds() {
  const { user } = useAuth();
  return useQuery({ ...favoriteIdsQueryOptions(), enabled: user !== null, select: asSet });
}
