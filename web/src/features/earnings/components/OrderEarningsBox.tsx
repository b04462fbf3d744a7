import { Link } from 'react-router-dom';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { Money } from '../../../components/Money';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api';
import type { OrderEarnings } from '../../../lib/api/types';
import { formatDate } from '../../../lib/dates';
import { useOrderEarnings } from '../api/get-order-earnings';
import { EARNINGS_STATUS_LABELS } from './labels';

/**
 * What one order earned the vendor, for its order page: gross, fee, refunds,
 * the fee given back, what a dispute took back (when one did) and net, and
 * where the money stands.
 */
export function OrderEarningsBox({ orderId, captured }: { orderId: number; captured: boolean }) {
  // Not asked for before the capture (the order has no platform fee yet),
  // when the answer could only be 404.
  const earnings = useOrderEarnings(orderId, { enabled: captured });
  const notCaptured =
    !captured || (earnings.error instanceof ApiError && earnings.error.status === 404);
  return (
    <section className="box" aria-labelledby="order-earnings-heading" data-testid="order-earnings">
      <h2 className="title is-5" id="order-earnings-heading">
        Your earnings
      </h2>
      {captured && earnings.isPending && <Loading />}
      {notCaptured && (
        <p className="has-text-grey">
          Nothing yet: the order counts once it ships and the payment is taken.
        </p>
      )}
      {!notCaptured && <ErrorNotice error={earnings.error} onRetry={() => earnings.refetch()} />}
      {earnings.data && <Figures earnings={earnings.data} />}
    </section>
  );
}

function Figures({ earnings: e }: { earnings: OrderEarnings }) {
  const c = e.currency;
  const rows: [string, number][] = [
    ['Gross', e.gross_cents],
    ['Platform fee', -e.fee_cents],
    ['Refunds', -e.refunded_cents || 0], // not "-$0.00" before any refund
    ['Fee returned', e.fee_returned_cents],
  ];
  if (e.disputed_cents !== 0) rows.push(['Taken back by a dispute', -e.disputed_cents]);
  return (
    <>
      <table className="table is-fullwidth is-narrow" aria-label="Earnings of this order">
        <tbody>
          {rows.map(([label, cents]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="has-text-right">
                <Money cents={cents} currency={c} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Net</th>
            <th className="has-text-right" data-testid="order-net">
              <Money cents={e.net_cents} currency={c} />
            </th>
          </tr>
        </tfoot>
      </table>
      <p data-testid="order-earnings-status">
        <span className="tag is-light" data-status={e.status}>
          {EARNINGS_STATUS_LABELS[e.status]}
        </span>{' '}
        {e.status === 'pending' &&
          (e.available_at ? `until ${formatDate(e.available_at)}` : 'until delivery')}
        {e.payout_id !== null && (
          <>
            in <Link to={paths.vendor.earnings.href()}>payout #{e.payout_id}</Link>
          </>
        )}
      </p>
    </>
  );
}
