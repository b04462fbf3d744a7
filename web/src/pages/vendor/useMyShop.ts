import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../api';

/**
 * The vendor's shop, or null when they have not opened one yet. enabled:
 * false skips the request (for pages that only need it for vendors).
 */
export function useMyShop({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['my-shop'],
    enabled,
    queryFn: async () => {
      try {
        return await api.shops.mine();
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}
