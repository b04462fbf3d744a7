import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { ProductDetail } from '../../../lib/api/types';
import { productKeys } from './keys';

export const getProduct = (id: number) => client.get<ProductDetail>(`/api/products/${id}`);

/** A product by its id; an id that cannot be one asks nothing. */
export const productQueryOptions = (id: number | null) =>
  queryOptions({
    queryKey: productKeys.detail(id ?? 0),
    queryFn: () => getProduct(id!),
    enabled: id !== null && Number.isInteger(id) && id > 0,
  });

export const useProduct = (id: number | null) => useQuery(productQueryOptions(id));
