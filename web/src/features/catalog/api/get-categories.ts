import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { JsonAnswer } from '../../../lib/api/types';
import { productKeys } from './keys';

export const getCategories = () => client.get<JsonAnswer<'categories', 200>>('/api/categories');

/** The fixed list of categories: asked for once. */
export const categoriesQueryOptions = () =>
  queryOptions({
    queryKey: productKeys.categories(),
    queryFn: getCategories,
    staleTime: Infinity,
  });

export const useCategories = () => useQuery(categoriesQueryOptions());
