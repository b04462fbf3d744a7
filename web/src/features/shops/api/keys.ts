import type { ShopQuery } from '../../../lib/api/types';

/** Query keys of shops: the directory's pages, one shop, the vendor's own. */
export const shopKeys = {
  all: ['shops'] as const,
  lists: () => [...shopKeys.all, 'list'] as const,
  list: (query: ShopQuery) => [...shopKeys.lists(), query] as const,
  details: () => [...shopKeys.all, 'detail'] as const,
  detail: (slug: string) => [...shopKeys.details(), slug] as const,
  mine: () => [...shopKeys.all, 'mine'] as const,
};
