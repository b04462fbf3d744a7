import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { ReviewEligibility } from '../../../lib/api/types';
import { reviewKeys } from './keys';

/** Whether the signed-in viewer may review the product, and if not, why. */
export const getReviewEligibility = (productId: number) =>
  client.get<ReviewEligibility>(`/api/products/${productId}/review-eligibility`);

export const reviewEligibilityQueryOptions = (productId: number) =>
  queryOptions({
    queryKey: reviewKeys.eligibility(productId),
    queryFn: () => getReviewEligibility(productId),
  });

export const useReviewEligibility = (productId: number, { enabled = true } = {}) =>
  useQuery({ ...reviewEligibilityQueryOptions(productId), enabled });
