import { Money } from '../../../components/Money';
import type { Order } from '../../../lib/api/types';
import { formatDateTime } from '../../../lib/dates';

const BRANDS: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
};

/** "Visa", or the brand as the gateway named it. */
function brandName(brand: string): string {
  return BRANDS[brand] ?? (brand === 'unknown' || !brand ? 'Card' : brand);
}

/**
 * How the order was paid (the card, for its buyer) and what was given back:
 * each refund with its amount, date and reason, and the total refunded. The
 * shop's vendor also sees the platform's fee, what a dispute holds back, and
 * what it keeps.
 */
export function OrderPayment({ order }: { order: Order }) {
  const refunds = order.refunds ?? [];
  const refunded = order.refunded_cents ?? 0;
  const { payment, currency, dispute } = order;
  // What vendor_net_cents leaves out for the dispute (given back once won).
  const heldByDispute = dispute && dispute.status !== 'won' ? dispute.taken_back_cents : 0;
  return (
    <section className="box" aria-labelledby="payment-heading">
      <h2 className="title is-5" id="payment-heading">
        Payment
      </h2>
      <p data-testid="payment">
        {payment ? (
          <>
            Paid <Money cents={payment.amount_cents} currency={currency} /> with{' '}
            {brandName(payment.card_brand)} ending in {payment.card_last4}
          </>
        ) : (
          <>
            Total <Money cents={order.total_cents} currency={currency} />
          </>
        )}
      </p>
      {order.platform_fee_cents != null && order.vendor_net_cents != null && (
        <p className="is-size-7 has-text-grey" data-testid="vendor-net">
          Platform fee <Money cents={order.platform_fee_cents} currency={currency} /> ·{' '}
          {heldByDispute > 0 && (
            <>
              held back by a dispute <Money cents={heldByDispute} currency={currency} /> ·{' '}
            </>
          )}
          you keep <Money cents={order.vendor_net_cents} currency={currency} />
        </p>
      )}
      {refunds.length > 0 && (
        <>
          <h3 className="title is-6 mt-4" id="refunds-heading">
            Refunds
          </h3>
          <ul aria-labelledby="refunds-heading" data-testid="refunds">
            {refunds.map((refund) => (
              <li key={refund.id} className="mb-2" data-testid="refund">
                <Money cents={refund.amount_cents} currency={currency} /> on{' '}
                <time dateTime={refund.created_at}>{formatDateTime(refund.created_at)}</time>
                {refund.reason && <span className="is-block has-text-grey">{refund.reason}</span>}
              </li>
            ))}
          </ul>
          <p className="has-text-weight-semibold" data-testid="refunded-total">
            Refunded in all: <Money cents={refunded} currency={currency} />
            {payment && (
              <>
                {' '}
                to {brandName(payment.card_brand)} ending in {payment.card_last4}
              </>
            )}
          </p>
        </>
      )}
    </section>
  );
}
