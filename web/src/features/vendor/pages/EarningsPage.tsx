import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { Field } from '../../../components/Field';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { Money } from '../../../components/Money';
import { Pagination } from '../../../components/Pagination';
import { paths } from '../../../config/paths';
import { errorMessage, fieldErrorsOf } from '../../../lib/api';
import type { StatementLine } from '../../../lib/api/types';
import { formatDate } from '../../../lib/dates';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useUrlParams } from '../../../lib/useUrlParams';
import {
  KIND_LABELS,
  OrderEarningsTable,
  PayoutsBox,
  useBalances,
  useExportStatement,
  useStatement,
  type DayRange,
} from '../../earnings';
import { useMyShop } from '../../shops';
import { NoShopYet } from '../components/NoShopYet';
import { VendorNav } from '../components/VendorNav';

/** "10%" or "7.5%" for a rate in basis points. */
function percent(bps: number): string {
  return `${(bps / 100).toLocaleString(undefined, { maximumFractionDigits: 2 })}%`;
}

function BalanceBox() {
  const balances = useBalances();
  if (balances.isPending) return <Loading />;
  if (balances.error)
    return <ErrorNotice error={balances.error} onRetry={() => balances.refetch()} />;
  const { balances: owed, platform_fee_bps: fee, payout_hold_days: holdDays } = balances.data;
  return (
    <div className="box">
      <h2 className="title is-5">Balance</h2>
      {owed.length === 0 ? (
        <p className="has-text-grey">Nothing yet: an order counts once you ship it.</p>
      ) : (
        <div className="table-container">
          <table className="table is-fullwidth is-narrow cards-on-phone" aria-label="Balances">
            <thead>
              <tr>
                <th scope="col">Currency</th>
                <th scope="col" className="has-text-right">
                  Pending
                </th>
                <th scope="col" className="has-text-right">
                  Available
                </th>
                <th scope="col" className="has-text-right">
                  Paid out
                </th>
                <th scope="col" className="has-text-right">
                  Owed to you
                </th>
              </tr>
            </thead>
            <tbody>
              {owed.map((b) => (
                <tr key={b.currency}>
                  <th scope="row">{b.currency}</th>
                  <td
                    className="has-text-right"
                    data-label="Pending"
                    data-testid={`pending-${b.currency}`}
                  >
                    <Money cents={b.pending_cents} currency={b.currency} />
                  </td>
                  <td
                    className="has-text-right"
                    data-label="Available"
                    data-testid={`available-${b.currency}`}
                  >
                    <Money cents={b.available_cents} currency={b.currency} />
                  </td>
                  <td
                    className="has-text-right"
                    data-label="Paid out"
                    data-testid={`paid-${b.currency}`}
                  >
                    <Money cents={b.paid_cents} currency={b.currency} />
                  </td>
                  <td
                    className="has-text-right has-text-weight-bold"
                    data-label="Owed to you"
                    data-testid={`balance-${b.currency}`}
                  >
                    <Money cents={b.balance_cents} currency={b.currency} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="help">
        What PocketShop owes you for shipped orders, after its {percent(fee)} fee. Orders that are
        paid but not shipped yet are not counted.
      </p>
      <p className="help">
        <strong>Pending</strong> earnings are on hold: they become <strong>available</strong>{' '}
        {holdDays === 0
          ? 'as soon as the order is delivered'
          : `${holdDays} ${holdDays === 1 ? 'day' : 'days'} after the order is delivered`}
        . Refunds come out of pending earnings while the order’s are still on hold, else out of
        available ones. <strong>Paid out</strong> is what has been sent to you so far.
      </p>
    </div>
  );
}

/** Today, or the first day of this month, as YYYY-MM-DD in UTC (the server's days). */
function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
function firstOfMonth(date: Date): string {
  return `${utcDay(date).slice(0, 8)}01`;
}

/** Downloads the statement of a range of days as a CSV file for a spreadsheet. */
function ExportForm() {
  const [range, setRange] = useState<DayRange>(() => {
    const now = new Date();
    return { from: firstOfMonth(now), to: utcDay(now) };
  });
  const exporting = useExportStatement();
  const errors = fieldErrorsOf(exporting.error);
  const fieldError = errors.from ?? errors.to;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    exporting.mutate(range);
  };
  return (
    <form className="box" onSubmit={submit} aria-labelledby="export-heading">
      <h2 className="title is-5" id="export-heading">
        Export to a spreadsheet
      </h2>
      <div className="columns is-mobile is-multiline is-align-items-flex-end">
        <Field className="column is-narrow" label="From" errors={errors.from}>
          {(props) => (
            <input
              {...props}
              type="date"
              className="input"
              required
              value={range.from}
              onChange={(e) => setRange({ ...range, from: e.target.value })}
            />
          )}
        </Field>
        <Field className="column is-narrow" label="To" errors={errors.to}>
          {(props) => (
            <input
              {...props}
              type="date"
              className="input"
              required
              value={range.to}
              onChange={(e) => setRange({ ...range, to: e.target.value })}
            />
          )}
        </Field>
        <div className="column is-narrow field">
          <button
            type="submit"
            className={`button is-link ${exporting.isPending ? 'is-loading' : ''}`}
          >
            Download CSV
          </button>
        </div>
      </div>
      <p className="help">
        One line per sale, refund, payout and dispute (taken back, or given back when won) in those
        days (UTC), with gross, fee, net and your balance after it.
      </p>
      {exporting.error != null && !fieldError && (
        <p className="help is-danger" role="alert">
          {errorMessage(exporting.error)}
        </p>
      )}
    </form>
  );
}

function StatementTable({ lines }: { lines: StatementLine[] }) {
  return (
    <div className="table-container">
      <table className="table is-fullwidth is-narrow cards-on-phone" aria-label="Statement">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Order</th>
            <th scope="col">Kind</th>
            <th scope="col" className="has-text-right">
              Gross
            </th>
            <th scope="col" className="has-text-right">
              Refunds, disputes
            </th>
            <th scope="col" className="has-text-right">
              Fee
            </th>
            <th scope="col" className="has-text-right">
              Net
            </th>
            <th scope="col" className="has-text-right">
              Balance
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.transaction_id}>
              <td data-label="Date">{formatDate(line.created_at)}</td>
              <td data-label="Order">
                {line.order_id > 0 ? (
                  <Link to={paths.order.href(line.order_id)}>#{line.order_id}</Link>
                ) : (
                  '—'
                )}
              </td>
              <td data-label="Kind">{KIND_LABELS[line.kind] ?? line.kind}</td>
              <td className="has-text-right" data-label="Gross">
                {line.kind === 'sale' && (
                  <Money cents={line.gross_cents} currency={line.currency} />
                )}
              </td>
              <td className="has-text-right" data-label="Refunds, disputes">
                {(line.kind === 'refund' ||
                  line.kind === 'dispute' ||
                  line.kind === 'dispute_won') && (
                  <Money cents={line.gross_cents} currency={line.currency} />
                )}
              </td>
              <td className="has-text-right" data-label="Fee">
                {(line.kind === 'sale' || line.kind === 'refund') && (
                  <Money cents={line.fee_cents} currency={line.currency} />
                )}
              </td>
              <td className="has-text-right" data-label="Net">
                <Money cents={line.net_cents} currency={line.currency} />
              </td>
              <td className="has-text-right" data-label="Balance">
                <Money cents={line.balance_cents} currency={line.currency} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The vendor's money: what is owed (pending, available, paid out), payouts,
 * what each order earned, a statement line per ledger movement (sales,
 * refunds, payouts, disputes), and a CSV export of a range of days.
 */
export function EarningsPage() {
  usePageTitle('Earnings');
  const shop = useMyShop();
  const { update, page } = useUrlParams();
  const statement = useStatement(page, { enabled: Boolean(shop.data) });
  return (
    <section className="section">
      <div className="container">
        <h1 className="title">Earnings</h1>
        <VendorNav />
        {shop.isPending && <Loading />}
        <ErrorNotice error={shop.error} />
        {shop.data === null && <NoShopYet />}
        {shop.data && (
          <>
            <BalanceBox />
            <PayoutsBox />
            <OrderEarningsTable />
            <h2 className="title is-5">Statement</h2>
            <p className="help mb-3">
              A refund’s fee is the part of the platform’s fee given back to you.
            </p>
            {statement.isPending && <Loading />}
            <ErrorNotice error={statement.error} onRetry={() => statement.refetch()} />
            {statement.data?.items.length === 0 && (
              <EmptyState title="No sales yet">
                Each order you ship adds a line here: what the buyer paid, the fee and what you
                earn.
              </EmptyState>
            )}
            {statement.data && statement.data.items.length > 0 && (
              <>
                <StatementTable lines={statement.data.items} />
                <Pagination
                  page={statement.data.page ?? 1}
                  pages={statement.data.pages}
                  onPage={(n) => update({ page: n })}
                />
              </>
            )}
            <ExportForm />
          </>
        )}
      </div>
    </section>
  );
}
