/**
 * Query keys of favorites: the ids of every saved product, the pages of the
 * list, and (for a vendor) how many people saved each of their products.
 */
export const favoriteKeys = {
  all: ['favorites'] as const,
  ids: () => [...favoriteKeys.all, 'ids'] as const,
  counts: () => [...favoriteKeys.all, 'counts'] as const,
  lists: () => [...favoriteKeys.all, 'list'] as const,
  list: (page: number) => [...favoriteKeys.lists(), page] as const,
};
