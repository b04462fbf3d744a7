import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { ReviewPage } from '../../../lib/api/types';
import { reviewKeys } from './keys';

export const getReviews = (productId: number, page = 1) =>
  client.get<ReviewPage>(`/api/products/${productId}/reviews`, { query: { page } });

export const reviewsQueryOptions = (productId: number) =>
  queryOptions({ queryKey: reviewKeys.ofProduct(productId), queryFn: () => getReviews(productId) });

export const useReviews = (productId: number) => useQuery(reviewsQueryOptions(productId));
