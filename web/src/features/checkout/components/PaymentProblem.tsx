import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { ApiError, errorMessage } from '../../../lib/api';
import { CardRefused } from '../api/card-token';

/** Why paying failed: a declined card, items gone out of stock, or anything else. */
export function PaymentProblem({ error }: { error: unknown }) {
  const shown = useRef<HTMLDivElement>(null);
  // The form is long: on a phone its top, where this sits, is off-screen by
  // the time Pay is pressed (issue 18).
  useEffect(() => {
    if (error != null) shown.current?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, [error]);
  if (error == null) return null;
  const declined =
    (error instanceof ApiError && error.status === 402) || error instanceof CardRefused;
  // A cart the server cannot sell as it is (out of stock, mixed currencies).
  const cartProblem = error instanceof ApiError ? error.fieldErrors.cart?.[0] : undefined;
  const stock = (error instanceof ApiError && error.status === 409) || cartProblem !== undefined;
  return (
    <div
      className="notification is-danger is-light"
      role="alert"
      data-testid="checkout-error"
      ref={shown}
    >
      <p className="has-text-weight-semibold">
        {declined
          ? 'Payment declined'
          : cartProblem
            ? 'Your cart needs a change'
            : stock
              ? 'Some items are no longer available'
              : 'Payment failed'}
      </p>
      <p>{error instanceof CardRefused ? error.message : (cartProblem ?? errorMessage(error))}</p>
      {declined && (
        <p className="is-size-7 mt-1">You were not charged and your cart is unchanged.</p>
      )}
      {stock && (
        <p className="mt-1">
          <Link to={paths.cart.href()}>Review your cart</Link>
        </p>
      )}
    </div>
  );
}
