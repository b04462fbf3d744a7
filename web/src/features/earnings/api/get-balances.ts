import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { Balances } from '../../../lib/api/types';
import { earningsKeys } from './keys';

/** What the platform owes the vendor, per currency, and the fee rate. */
export const getBalances = () => client.get<Balances>('/api/my/balance');

export const balancesQueryOptions = () =>
  queryOptions({ queryKey: earningsKeys.balances(), queryFn: getBalances });

export const useBalances = ({ enabled = true } = {}) =>
  useQuery({ ...balancesQueryOptions(), enabled });
