import { useEffect, useRef } from 'react';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type {
  Payout,
  PayoutAccount,
  PayoutList,
  PayoutSettings,
  PayoutStatus,
} from '../../../lib/api/types';
import { earningsKeys } from './keys';

/** The shop's payout account, or null before the vendor connects one. */
export const getPayoutAccount = () => client.get<PayoutAccount | null>('/api/my/payout-account');

export const payoutAccountQueryOptions = () =>
  queryOptions({ queryKey: earningsKeys.payoutAccount(), queryFn: getPayoutAccount });

export const usePayoutAccount = () => useQuery(payoutAccountQueryOptions());

/** Connects the shop's account at the payment gateway; a second call answers the first. */
export const connectPayoutAccount = () => client.post<PayoutAccount>('/api/my/payout-account');

export function useConnectPayoutAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: connectPayoutAccount,
    onSuccess: (account) => queryClient.setQueryData(earningsKeys.payoutAccount(), account),
  });
}

export const savePayoutSettings = (settings: PayoutSettings) =>
  client.put<PayoutAccount>('/api/my/payout-settings', settings);

export function useSavePayoutSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: savePayoutSettings,
    onSuccess: (account) => queryClient.setQueryData(earningsKeys.payoutAccount(), account),
  });
}

/** The shop's payouts, newest first, each with the orders it pays. */
export const getPayouts = () => client.get<PayoutList>('/api/my/payouts');

/**
 * Payouts still on their way are asked about again every few seconds: the
 * gateway's word that one was paid arrives in the background.
 */
const IN_FLIGHT_REFRESH_MS = 3000;

export const payoutsQueryOptions = () =>
  queryOptions({ queryKey: earningsKeys.payouts(), queryFn: getPayouts });

export function usePayouts({ enabled = true } = {}) {
  const queryClient = useQueryClient();
  const payouts = useQuery({
    ...payoutsQueryOptions(),
    enabled,
    refetchInterval: (query) =>
      query.state.data?.items.some((payout) => !SETTLED.includes(payout.status))
        ? IN_FLIGHT_REFRESH_MS
        : false,
  });
  // A payout that ends (paid, or failed and given back) moves the balances
  // and the orders' status: read them again when one does.
  const settled = payouts.data?.items.filter((payout) => SETTLED.includes(payout.status)).length;
  const seen = useRef(settled);
  useEffect(() => {
    if (seen.current !== undefined && settled !== seen.current) {
      void queryClient.invalidateQueries({ queryKey: earningsKeys.balances() });
      void queryClient.invalidateQueries({ queryKey: earningsKeys.all, predicate: isOrdersQuery });
    }
    seen.current = settled;
  }, [settled, queryClient]);
  return payouts;
}

const SETTLED: PayoutStatus[] = ['paid', 'failed'];
const isOrdersQuery = (query: { queryKey: readonly unknown[] }) =>
  query.queryKey[1] === 'orders' || query.queryKey[1] === 'order';

/** One payout request: its Idempotency-Key, and the currency when money is available in several. */
export interface PayoutIntent {
  idempotencyKey: string;
  currency?: string;
}

/**
 * Pays out the available balance. The key names one intent: a retry of it
 * with the same key pays nothing more (the server answers the first payout).
 */
export const requestPayout = ({ idempotencyKey, currency }: PayoutIntent) =>
  client.post<Payout>('/api/my/payouts', currency ? { currency } : undefined, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });

/** Requests a payout; the payouts, balances and orders' earnings follow. */
export function useRequestPayout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: requestPayout,
    onSettled: () => queryClient.invalidateQueries({ queryKey: earningsKeys.all }),
  });
}
