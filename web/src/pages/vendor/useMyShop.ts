import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../api';

/** The vendor's shop, or null when they have not opened one yet. */
export function useMyShop() {
  return useQuery({
    queryKey: ['my-shop'],
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
