import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { FavoritePage } from '../../../lib/api/types';
import { favoriteKeys } from './keys';

/** How many favorites a page of the list shows (the server allows up to 60). */
export const FAVORITES_PER_PAGE = 24;

/** A page of the signed-in person's favorites, newest first, each product as it is now. */
export const getFavorites = (page = 1) =>
  client.get<FavoritePage>('/api/me/favorites', { query: { page, limit: FAVORITES_PER_PAGE } });

export const favoritesQueryOptions = (page: number) =>
  queryOptions({
    queryKey: favoriteKeys.list(page),
    queryFn: () => getFavorites(page),
    placeholderData: keepPreviousData,
  });

export const useFavorites = (page: number) => useQuery(favoritesQueryOptions(page));
