import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { StarRating } from '../../../components/StarRating';
import { paths } from '../../../config/paths';
import { fieldErrorsOf } from '../../../lib/api';
import type { Product, Review, ReviewEligibility } from '../../../lib/api/types';
import { formatDate } from '../../../lib/dates';
import { useAuth } from '../../auth';
import { useMyShop } from '../../shops';
import { useReviewEligibility } from '../api/get-review-eligibility';
import { useReviews } from '../api/get-reviews';
import {
  useDeleteReview,
  useDeleteReviewReply,
  useReplyToReview,
  useSaveReview,
} from '../api/save-review';
import { RatingInput } from './RatingInput';

function ReviewForm({
  productId,
  review,
  onSaved,
  onDone,
}: {
  productId: number;
  review?: Review;
  onSaved?: () => void;
  onDone?: () => void;
}) {
  const [rating, setRating] = useState(review?.rating ?? 0);
  const [body, setBody] = useState(review?.body ?? '');
  const ratingError = useId();
  const save = useSaveReview(productId, review);
  const errors = fieldErrorsOf(save.error);
  const [missingRating, setMissingRating] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!rating) {
      setMissingRating(true);
      return;
    }
    setMissingRating(false);
    save.mutate(
      { rating, body },
      {
        onSuccess: () => {
          onSaved?.();
          if (!review) setBody('');
          onDone?.();
        },
      },
    );
  };
  const ratingMessages = [...(missingRating ? ['Choose a rating.'] : []), ...(errors.rating ?? [])];
  return (
    <form
      className="box review-form"
      id={review ? undefined : WRITE_REVIEW}
      aria-label={review ? 'Edit your review' : 'Write a review'}
      onSubmit={submit}
      noValidate
    >
      <h3 className="title is-6">{review ? 'Edit your review' : 'Write a review'}</h3>
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

/** The id of the review form, or of what stands in its place: where "Write a review" links lead. */
export const WRITE_REVIEW = 'write-review';
/** The reviews section: where a notice of a shop's reply links (server/reviews/service.cpp). */
const REVIEWS = 'reviews';

const NOT_ELIGIBLE: Partial<Record<string, string>> = {
  not_received: 'You can review this product once it has been delivered to you.',
  reviewed: 'You have reviewed this product.',
};

/**
 * The review form, offered only when the server says the buyer may review
 * (they received the product and have not reviewed it); otherwise why not.
 */
function WriteReview({
  productId,
  eligibility,
  hasReview,
  onSaved,
}: {
  productId: number;
  eligibility: ReviewEligibility;
  hasReview: boolean;
  onSaved?: () => void;
}) {
  if (eligibility.eligible) return <ReviewForm productId={productId} onSaved={onSaved} />;
  const reason = eligibility.reason;
  if (reason === 'reviewed' && hasReview) return null; // their review above has an Edit button
  const text = reason ? NOT_ELIGIBLE[reason] : undefined;
  if (!text) return null;
  return (
    <p className="has-text-grey" id={WRITE_REVIEW} tabIndex={-1} data-testid="review-not-eligible">
      {text}
    </p>
  );
}

/**
 * Arriving at #write-review (an order's "Write a review") or #reviews (a
 * notice of a shop's reply): once the form, or what stands in its place, or
 * the reviews are there, scrolls to it and puts focus in it. The router does
 * not scroll to fragments, and the layout scrolls a new page to its top.
 */
function useArriveAtReviews(ready: boolean) {
  const { hash } = useLocation();
  const arrived = useRef(false);
  useEffect(() => {
    const id = hash.slice(1);
    if ((id !== WRITE_REVIEW && id !== REVIEWS) || !ready || arrived.current) return;
    const target = document.getElementById(id);
    if (!target) return;
    arrived.current = true;
    target.scrollIntoView?.({ block: 'start' });
    const control = target.querySelector<HTMLElement>('input, textarea, a');
    (target.tagName === 'FORM' && control ? control : target).focus({ preventScroll: true });
  });
}

/** The author's own controls under their review: edit it, or take it back. */
function OwnReviewActions({
  review,
  onEdit,
  onDeleted,
}: {
  review: Review;
  onEdit: () => void;
  onDeleted?: () => void;
}) {
  const remove = useDeleteReview(review);
  const confirmAndDelete = () => {
    const reply = review.reply ? ' The shop’s reply goes with it.' : '';
    if (!window.confirm(`Delete your review?${reply} You can write a new one afterwards.`)) return;
    remove.mutate(undefined, { onSuccess: onDeleted });
  };
  return (
    <>
      <FormError error={remove.error} />
      <div className="buttons mt-2">
        <button type="button" className="button is-small is-text" onClick={onEdit}>
          Edit your review
        </button>
        <button
          type="button"
          className={`button is-small is-text has-text-danger ${remove.isPending ? 'is-loading' : ''}`}
          disabled={remove.isPending}
          onClick={confirmAndDelete}
        >
          Delete your review
        </button>
      </div>
    </>
  );
}

/** The shop's reply to write, or (when it has one) to change; onDone: saved or cancelled. */
function ReplyForm({ review, onDone }: { review: Review; onDone?: () => void }) {
  const [body, setBody] = useState(review.reply ?? '');
  const reply = useReplyToReview(review);
  const editing = Boolean(review.reply);
  return (
    <form
      className="mt-2"
      aria-label={editing ? 'Edit the shop’s reply' : undefined}
      onSubmit={(e) => {
        e.preventDefault();
        reply.mutate(body, { onSuccess: onDone });
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
      <div className="buttons">
        <button type="submit" className={`button is-small ${reply.isPending ? 'is-loading' : ''}`}>
          {editing ? 'Save reply' : 'Post reply'}
        </button>
        {editing && (
          <button type="button" className="button is-small is-text" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/** The shop's controls under its reply: change it, or withdraw it. */
function ShopReplyActions({ review }: { review: Review }) {
  const [editing, setEditing] = useState(false);
  const remove = useDeleteReviewReply(review);
  if (editing) return <ReplyForm review={review} onDone={() => setEditing(false)} />;
  const confirmAndDelete = () => {
    if (!window.confirm('Delete your reply? The review stays.')) return;
    remove.mutate();
  };
  return (
    <>
      <FormError error={remove.error} />
      <div className="buttons mt-2">
        <button type="button" className="button is-small is-text" onClick={() => setEditing(true)}>
          Edit reply
        </button>
        <button
          type="button"
          className={`button is-small is-text has-text-danger ${remove.isPending ? 'is-loading' : ''}`}
          disabled={remove.isPending}
          onClick={confirmAndDelete}
        >
          Delete reply
        </button>
      </div>
    </>
  );
}

/**
 * A product's reviews, the buyer's form to write, edit or delete one, the
 * vendor's replies. onReviewed: a review was written, changed or deleted
 * (the product's rating changed with it).
 */
export function Reviews({ product, onReviewed }: { product: Product; onReviewed?: () => void }) {
  const { user } = useAuth();
  const location = useLocation();
  const [editing, setEditing] = useState(false);
  const reviews = useReviews(product.id);
  const myShop = useMyShop({ enabled: user?.role === 'vendor' });
  const ownsShop = myShop.data?.slug === product.shop.slug;
  const mine = reviews.data?.items.find((r) => r.author?.id === user?.id);
  const isBuyer = user?.role === 'buyer';
  const eligibility = useReviewEligibility(product.id, { enabled: isBuyer });
  useArriveAtReviews(Boolean(reviews.data) && (!isBuyer || !eligibility.isPending));

  return (
    <section id={REVIEWS} tabIndex={-1} className="section pt-0" aria-labelledby="reviews-heading">
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
                  onSaved={onReviewed}
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
                    <OwnReviewActions
                      review={review}
                      onEdit={() => setEditing(true)}
                      onDeleted={onReviewed}
                    />
                  )}
                  {ownsShop &&
                    (review.reply ? (
                      <ShopReplyActions review={review} />
                    ) : (
                      <ReplyForm review={review} />
                    ))}
                </>
              )}
            </li>
          ))}
        </ul>
        {isBuyer && eligibility.data && (
          <WriteReview
            productId={product.id}
            eligibility={eligibility.data}
            hasReview={Boolean(mine)}
            onSaved={onReviewed}
          />
        )}
        {!user && (
          <p className="has-text-grey" id={WRITE_REVIEW} tabIndex={-1}>
            <Link to={paths.signIn.href({ next: `${location.pathname}#${WRITE_REVIEW}` })}>
              Sign in
            </Link>{' '}
            to review products you have received.
          </p>
        )}
      </div>
    </section>
  );
}
