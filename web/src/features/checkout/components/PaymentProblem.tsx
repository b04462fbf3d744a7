import { Link } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { ApiError, errorMessage } from '../../../lib/api';
import { CardRefused } from '../api/card-token';

/** Why paying failed: a declined card, items gone out of stock, or anything else. */
export function PaymentProblem({ error }: { error: unknown }) {
  if (error == null) return null;
  const declined =
    (error instanceof ApiError && error.status === 402) || error instanceof CardRefused;
  const stock = error instanceof ApiError && error.status === 409;
  return (
    <div className="notification is-danger is-light" role="alert" data-testid="checkout-error">
      <p className="has-text-weight-semibold">
        {declined
          ? 'Payment declined'
          : stock
            ? 'Some items are no longer available'
            : 'Payment failed'}
      </p>
      <p>{error instanceof CardRefused ? error.message : errorMessage(error)}</p>
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
