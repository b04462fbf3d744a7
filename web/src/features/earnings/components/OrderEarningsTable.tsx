import { useState } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { Money } from '../../../components/Money';
import { Pagination } from '../../../components/Pagination';
import { paths } from '../../../config/paths';
import type { OrderEarnings } from '../../../lib/api/types';
import { formatDate } from '../../../lib/dates';
import { useOrderEarningsPage } from '../api/get-order-earnings';
import { EARNINGS_STATUS_LABELS } from './labels';

/** A refund or a fee given back, shown as what it takes off (or puts back). */
function Signed({ cents, currency }: { cents: number; currency: string }) {
  if (cents === 0) return <span className="has-text-grey">—</span>;
  return <Money cents={cents} currency={currency} />;
}

function EarningsRow({ order, disputes }: { order: OrderEarnings; disputes: boolean }) {
  const c = order.currency;
  return (
    <tr data-testid="order-earnings-row">
      <td data-label="Order">
        <Link to={paths.order.href(order.order_id)}>#{order.order_id}</Link>
      </td>
      <td data-label="Date">{formatDate(order.created_at)}</td>
      <td className="has-text-right" data-label="Gross">
        <Money cents={order.gross_cents} currency={c} />
      </td>
      <td className="has-text-right" data-label="Fee">
        <Money cents={-order.fee_cents} currency={c} />
      </td>
      <td className="has-text-right" data-label="Refunds">
        <Signed cents={-order.refunded_cents} currency={c} />
      </td>
      <td className="has-text-right" data-label="Fee returned">
        <Signed cents={order.fee_returned_cents} currency={c} />
      </td>
      {disputes && (
        <td className="has-text-right" data-label="Disputed">
          <Signed cents={-order.disputed_cents} currency={c} />
        </td>
      )}
      <td className="has-text-right has-text-weight-bold" data-label="Net">
        <Money cents={order.net_cents} currency={c} />
      </td>
      <td data-label="Status" data-status={order.status}>
        {EARNINGS_STATUS_LABELS[order.status]}
      </td>
    </tr>
  );
}

/** What each of the shop's orders earned, newest first, a page at a time. */
export function OrderEarningsTable() {
  const [page, setPage] = useState(1);
  const orders = useOrderEarningsPage(page);
  // A column for disputes only on a page that has one: most shops never see one.
  const disputes = orders.data?.items.some((order) => order.disputed_cents !== 0) ?? false;
  return (
    <section aria-labelledby="order-earnings-heading" className="mb-5">
      <h2 className="title is-5" id="order-earnings-heading">
        By order
      </h2>
      <p className="help mb-3">
        What each order earned you: what the buyer paid, less the platform’s fee and refunds, plus
        the part of the fee each refund gave back, less what a card dispute took back.
      </p>
      {orders.isPending && <Loading />}
      <ErrorNotice error={orders.error} onRetry={() => orders.refetch()} />
      {orders.data?.items.length === 0 && (
        <EmptyState title="No orders paid yet">
          Each order counts here once it ships and the buyer’s payment is taken.
        </EmptyState>
      )}
      {orders.data && orders.data.items.length > 0 && (
        <>
          <div className="table-container">
            <table
              className="table is-fullwidth is-narrow cards-on-phone"
              aria-label="Earnings by order"
            >
              <thead>
                <tr>
                  <th scope="col">Order</th>
                  <th scope="col">Date</th>
                  <th scope="col" className="has-text-right">
                    Gross
                  </th>
                  <th scope="col" className="has-text-right">
                    Fee
                  </th>
                  <th scope="col" className="has-text-right">
                    Refunds
                  </th>
                  <th scope="col" className="has-text-right">
                    Fee returned
                  </th>
                  {disputes && (
                    <th scope="col" className="has-text-right">
                      Disputed
                    </th>
                  )}
                  <th scope="col" className="has-text-right">
                    Net
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {orders.data.items.map((order) => (
                  <EarningsRow key={order.order_id} order={order} disputes={disputes} />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={orders.data.page ?? 1} pages={orders.data.pages} onPage={setPage} />
        </>
      )}
    </section>
  );
}
