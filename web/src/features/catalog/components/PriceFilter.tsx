import { useState, type FormEvent } from 'react';
import type { ProductQuery } from '../../../lib/api/types';
import { centsToAmount, parseAmountToCents } from '../../../lib/money';
import './price-filter.css';

/** The price range form; its inputs are in currency units, the URL in cents. */
export function PriceFilter({
  query,
  onApply,
}: {
  query: ProductQuery;
  onApply: (changes: Partial<ProductQuery>) => void;
}) {
  const [min, setMin] = useState(centsToAmount(query.min_price));
  const [max, setMax] = useState(centsToAmount(query.max_price));
  const [error, setError] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minCents = min.trim() ? parseAmountToCents(min) : undefined;
    const maxCents = max.trim() ? parseAmountToCents(max) : undefined;
    if ((min.trim() && minCents === undefined) || (max.trim() && maxCents === undefined)) {
      setError('Enter prices like 12 or 12.50.');
      return;
    }
    if (minCents !== undefined && maxCents !== undefined && minCents > maxCents) {
      setError('The minimum is above the maximum.');
      return;
    }
    setError('');
    onApply({ min_price: minCents, max_price: maxCents });
  };
  return (
    <form onSubmit={submit} aria-labelledby="price-heading" noValidate>
      <h3 id="price-heading" className="title is-6 mb-2">
        Price
      </h3>
      <div className="field is-grouped price-range">
        <div className="control">
          <label className="label is-small" htmlFor="min-price">
            Min
          </label>
          <input
            id="min-price"
            className="input is-small"
            inputMode="decimal"
            value={min}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? 'price-error' : undefined}
            onChange={(e) => setMin(e.target.value)}
          />
        </div>
        <div className="control">
          <label className="label is-small" htmlFor="max-price">
            Max
          </label>
          <input
            id="max-price"
            className="input is-small"
            inputMode="decimal"
            value={max}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? 'price-error' : undefined}
            onChange={(e) => setMax(e.target.value)}
          />
        </div>
      </div>
      {error && (
        <p className="help is-danger" id="price-error">
          {error}
        </p>
      )}
      <button type="submit" className="button is-small">
        Apply price
      </button>
    </form>
  );
}
