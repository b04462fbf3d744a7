import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { Dashboard } from '../../../lib/api/types';
import { orderKeys } from './keys';

/** The vendor's sales: revenue by day, top products, low stock. */
export const getDashboard = () => client.get<Dashboard>('/api/dashboard');

export const dashboardQueryOptions = () =>
  queryOptions({ queryKey: orderKeys.dashboard(), queryFn: getDashboard });

export const useDashboard = ({ enabled = true } = {}) =>
  useQuery({ ...dashboardQueryOptions(), enabled });
