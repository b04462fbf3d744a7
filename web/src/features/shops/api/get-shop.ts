import { queryOptions, useQuery } from '@tanstack/react-query';
import { client, segment } from '../../../lib/api';
import type { ShopWithProducts } from '../../../lib/api/types';
import { shopKeys } from './keys';

export const getShop = (slug: string) =>
  client.get<ShopWithProducts>(`/api/shops/${segment(slug)}`);

export const shopQueryOptions = (slug: string) =>
  queryOptions({ queryKey: shopKeys.detail(slug), queryFn: () => getShop(slug) });

export const useShop = (slug: string) => useQuery(shopQueryOptions(slug));
