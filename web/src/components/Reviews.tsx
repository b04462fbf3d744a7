import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { api, fieldErrorsOf } from '../api';
import type { Product, Review } from '../api/types';
import { useAuth } from '../auth/useAuth';
import { formatDate } from '../lib/dates';
import { ErrorNotice } from './ErrorNotice';
import { Field } from './Field';
import { FormError } from './FormError';
import { RatingInput } from './RatingInput';
import { StarRating } from './StarRating';
import { useMyShop } from '../pages/vendor/useMyShop';

function ReviewForm({
  productId,
  review,
  onDone,
}: {
  productId: number;
  review?: Review;
  onDone?: () => void;
}) {
  const queryClient = useQueryClient();
  const [rating, setRating] = useState(review?.rating ?? 0);
  const [body, setBody] = useState(review?.body ?? '');
  const ratingError = useId();
  const save = useMutation({
    mutationFn: () =>
      review
        ? api.reviews.update(review.id, { rating, body })
        : api.reviews.create(productId, { rating, body }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['reviews', productId] });
      queryClient.invalidateQueries({ queryKey: ['product', productId] });
      if (!review) setBody('');
      onDone?.();
    },
  });
  const errors = fieldErrorsOf(save.error);
  const [missingRating, setMissingRating] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!rating) {
      setMissingRating(true);
      return;
    }
    setMissingRating(false);
    save.mutate();
  };
  const ratingMessages = [...(missingRating ? ['Choose a rating.'] : []), ...(errors.rating ?? [])];
  return (
    <form className="box review-form" onSubmit={submit} noValidate>
      <h3 className="title is-6">{review ? 'Edit your review' : 'Write a review'}</h3>
      {!review && (
        <p className="is-size-7 has-text-grey mb-3">
          You can review a product once it has been delivered to you.
        </p>
      )}
      <FormError error={save.error} />
      {save.isSuccess && !review && (
        <p className="notification is-success is-light" role="status">
          Thank you for your review!
        </p>
      )}
      <RatingInput
        name={`rating-${productId}`}
        value={rating}
        onChange={setRating}
        describedBy={ratingMessages.length ? ratingError : undefined}
      />
      {ratingMessages.length > 0 && (
        <p className="help is-danger" id={ratingError}>
          {ratingMessages.join(' ')}
        </p>
      )}
      <Field label="Your review" errors={errors.body}>
        {(props) => (
          <textarea
            {...props}
            className="textarea"
            rows={3}
            maxLength={4000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
        )}
      </Field>
      <div className="buttons">
        <button type="submit" className={`button is-primary ${save.isPending ? 'is-loading' : ''}`}>
          {review ? 'Save review' : 'Post review'}
        </button>
        {onDone && (
          <button type="button" className="button is-light" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

function ReplyForm({ review, productId }: { review: Review; productId: number }) {
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const reply = useMutation({
    mutationFn: () => api.reviews.reply(review.id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reviews', productId] }),
  });
  return (
    <form
      className="mt-2"
      onSubmit={(e) => {
        e.preventDefault();
        reply.mutate();
      }}
    >
      <FormError error={reply.error} />
      <Field label="Reply as the shop" errors={fieldErrorsOf(reply.error).body}>
        {(props) => (
          <textarea
            {...props}
            className="textarea is-small"
            rows={2}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className={`button is-small ${reply.isPending ? 'is-loading' : ''}`}>
        Post reply
      </button>
    </form>
  );
}

/** A product's reviews, the buyer's form to write or edit one, the vendor's replies. */
export function Reviews({ product }: { product: Product }) {
  const { user } = useAuth();
  const location = useLocation();
  const [editing, setEditing] = useState(false);
  const reviews = useQuery({
    queryKey: ['reviews', product.id],
    queryFn: () => api.reviews.list(product.id),
  });
  const myShop = useMyShop({ enabled: user?.role === 'vendor' });
  const ownsShop = myShop.data?.slug === product.shop.slug;
  const mine = reviews.data?.items.find((r) => r.author?.id === user?.id);

  return (
    <section className="section pt-0" aria-labelledby="reviews-heading">
      <div className="container">
        <h2 id="reviews-heading" className="title is-4">
          Reviews
        </h2>
        <p className="mb-4">
          <StarRating
            value={product.rating_average}
            count={product.rating_count ?? reviews.data?.total}
          />
        </p>
        <ErrorNotice error={reviews.error} />
        <ul className="review-list">
          {reviews.data?.items.map((review) => (
            <li key={review.id} className="box review">
              {editing && review === mine ? (
                <ReviewForm
                  productId={product.id}
                  review={review}
                  onDone={() => setEditing(false)}
                />
              ) : (
                <>
                  <p>
                    <StarRating value={review.rating} />{' '}
                    <strong className="ml-2">{review.author?.display_name ?? 'A buyer'}</strong>{' '}
                    <span className="has-text-grey is-size-7">{formatDate(review.created_at)}</span>
                  </p>
                  <p className="mt-2 review-body">{review.body}</p>
                  {review.reply && (
                    <blockquote className="review-reply mt-2">
                      <p className="is-size-7 has-text-weight-semibold">
                        Reply from {product.shop.name}
                      </p>
                      <p>{review.reply}</p>
                    </blockquote>
                  )}
                  {review === mine && (
                    <button
                      type="button"
                      className="button is-small is-text"
                      onClick={() => setEditing(true)}
                    >
                      Edit your review
                    </button>
                  )}
                  {ownsShop && !review.reply && (
                    <ReplyForm review={review} productId={product.id} />
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
        {user?.role === 'buyer' && !mine && <ReviewForm productId={product.id} />}
        {!user && (
          <p className="has-text-grey">
            <Link to={`/signin?next=${encodeURIComponent(location.pathname)}`}>Sign in</Link> to
            review products you have received.
          </p>
        )}
      </div>
    </section>
  );
}
