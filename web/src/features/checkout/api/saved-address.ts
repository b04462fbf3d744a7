import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { Address, SavedAddress } from '../../../lib/api/types';

/** The signed-in buyer's saved shipping address (one per user; null when none). */
export const getSavedAddress = () => client.get<SavedAddress>('/api/me/address');

/** Saves (or replaces) it: what checkout offers next time. */
export const saveAddress = (address: Address) =>
  client.put<SavedAddress>('/api/me/address', address);

export const savedAddressKeys = {
  all: ['saved-address'] as const,
  of: (userId: number) => [...savedAddressKeys.all, userId] as const,
};

export const savedAddressQueryOptions = (userId: number) =>
  queryOptions({ queryKey: savedAddressKeys.of(userId), queryFn: getSavedAddress });

export function useSavedAddress(userId: number | undefined) {
  return useQuery({
    ...savedAddressQueryOptions(userId ?? 0),
    enabled: userId !== undefined,
  });
}

export function useSaveAddress(userId: number | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveAddress,
    onSuccess: (saved) => {
      if (userId !== undefined) queryClient.setQueryData(savedAddressKeys.of(userId), saved);
    },
  });
}

/** Forgets it: checkout then starts from an empty form. */
export const forgetAddress = () => client.delete<void>('/api/me/address');

export function useForgetAddress(userId: number | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: forgetAddress,
    onSuccess: () => {
      if (userId !== undefined)
        queryClient.setQueryData<SavedAddress>(savedAddressKeys.of(userId), { address: null });
    },
  });
}
