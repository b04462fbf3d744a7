/** A read-only rating, e.g. ★★★★☆ 4.2 (12 reviews). */
export function StarRating({ value, count }: { value?: number | null; count?: number }) {
  if (!value) return count === 0 ? <span className="has-text-grey">No reviews yet</span> : null;
  const rounded = Math.round(value);
  return (
    <span className="star-rating" aria-label={`Rated ${value.toFixed(1)} out of 5`}>
      <span aria-hidden="true" className="stars">
        {'★'.repeat(rounded)}
        {'☆'.repeat(5 - rounded)}
      </span>{' '}
      <span aria-hidden="true">{value.toFixed(1)}</span>
      {count !== undefined && (
        <span className="has-text-grey">
          {' '}
          ({count} {count === 1 ? 'review' : 'reviews'})
        </span>
      )}
    </span>
  );
}
