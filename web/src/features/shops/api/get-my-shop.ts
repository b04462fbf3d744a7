import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, client } from '../../../lib/api';
import type { Shop } from '../../../lib/api/types';
import { shopKeys } from './keys';

/** The signed-in vendor's shop, or null when they have not opened one yet. */
export async function getMyShop(): Promise<Shop | null> {
  try {
    return await client.get<Shop>('/api/my/shop');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export const myShopQueryOptions = () =>
  queryOptions({ queryKey: shopKeys.mine(), queryFn: getMyShop });

/**
 * The vendor's shop, or null when they have not opened one yet. enabled:
 * false skips the request (for pages that only need it for vendors).
 */
export function useMyShop({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...myShopQueryOptions(), enabled });
}
