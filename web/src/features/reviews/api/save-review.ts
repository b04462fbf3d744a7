import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { RequestBody, Review } from '../../../lib/api/types';
import { reviewKeys } from './keys';

export type ReviewInput = RequestBody<'createReview'>;

/** A buyer's review of a product delivered to them. */
export const createReview = (productId: number, input: ReviewInput) =>
  client.post<Review>(`/api/products/${productId}/reviews`, input);

export const updateReview = (id: number, input: RequestBody<'updateReview'>) =>
  client.patch<Review>(`/api/reviews/${id}`, input);

/** The author takes a review back; the shop's reply goes with it. */
export const deleteReview = (id: number) => client.delete<void>(`/api/reviews/${id}`);

/** The shop's one public reply to a review. */
export const replyToReview = (id: number, body: string) =>
  client.post<Review>(`/api/reviews/${id}/reply`, { body });

/** The shop changes its reply; the buyer is not told again. */
export const editReviewReply = (id: number, body: string) =>
  client.put<Review>(`/api/reviews/${id}/reply`, { body });

/** The shop withdraws its reply; the review stays. */
export const deleteReviewReply = (id: number) => client.delete<void>(`/api/reviews/${id}/reply`);

/** Writes a review of a product, or (given one) changes it. */
export function useSaveReview(productId: number, review?: Review) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviewInput) =>
      review ? updateReview(review.id, input) : createReview(productId, input),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: reviewKeys.ofProduct(productId) });
    },
  });
}

/** Deletes the buyer's review; the product's rating and reviews are read again. */
export function useDeleteReview(review: Review) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteReview(review.id),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: reviewKeys.ofProduct(review.product_id) }),
  });
}

/** Posts the shop's reply, or (when it has one) changes it. */
export function useReplyToReview(review: Review) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      review.reply ? editReviewReply(review.id, body) : replyToReview(review.id, body),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: reviewKeys.ofProduct(review.product_id) }),
  });
}

/** Withdraws the shop's reply; the product's reviews are read again. */
export function useDeleteReviewReply(review: Review) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteReviewReply(review.id),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: reviewKeys.ofProduct(review.product_id) }),
  });
}
