import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { Money } from '../../../components/Money';
import { Pagination } from '../../../components/Pagination';
import { paths } from '../../../config/paths';
import type { StatementLine } from '../../../lib/api/types';
import { formatDate } from '../../../lib/dates';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useUrlParams } from '../../../lib/useUrlParams';
import { useBalances, useStatement } from '../../earnings';
import { useMyShop } from '../../shops';
import { NoShopYet } from '../components/NoShopYet';
import { VendorNav } from '../components/VendorNav';

const KIND_LABELS: Record<StatementLine['kind'], string> = { sale: 'Sale', refund: 'Refund' };

/** "10%" or "7.5%" for a rate in basis points. */
function percent(bps: number): string {
  return `${(bps / 100).toLocaleString(undefined, { maximumFractionDigits: 2 })}%`;
}

function BalanceBox() {
  const balances = useBalances();
  if (balances.isPending) return <Loading />;
  if (balances.error)
    return <ErrorNotice error={balances.error} onRetry={() => balances.refetch()} />;
  const { balances: owed, platform_fee_bps: fee } = balances.data;
  return (
    <div className="box">
      <h2 className="title is-5">Balance</h2>
      {owed.length === 0 ? (
        <p className="has-text-grey">Nothing yet: an order counts once you ship it.</p>
      ) : (
        <ul>
          {owed.map((b) => (
            <li key={b.currency} className="is-size-4" data-testid={`balance-${b.currency}`}>
              <Money cents={b.balance_cents} currency={b.currency} />
            </li>
          ))}
        </ul>
      )}
      <p className="help">
        What PocketShop owes you for shipped orders, after its {percent(fee)} fee. Orders that are
        paid but not shipped yet are not counted.
      </p>
    </div>
  );
}

function StatementTable({ lines }: { lines: StatementLine[] }) {
  return (
    <div className="table-container">
      <table className="table is-fullwidth is-narrow" aria-label="Statement">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Order</th>
            <th scope="col">Kind</th>
            <th scope="col" className="has-text-right">
              Gross
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
              <td>{formatDate(line.created_at)}</td>
              <td>
                <Link to={paths.order.href(line.order_id)}>#{line.order_id}</Link>
              </td>
              <td>{KIND_LABELS[line.kind]}</td>
              <td className="has-text-right">
                <Money cents={line.gross_cents} currency={line.currency} />
              </td>
              <td className="has-text-right">
                <Money cents={line.fee_cents} currency={line.currency} />
              </td>
              <td className="has-text-right">
                <Money cents={line.net_cents} currency={line.currency} />
              </td>
              <td className="has-text-right">
                <Money cents={line.balance_cents} currency={line.currency} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The vendor's money: what is owed, and a statement line per sale and refund. */
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
            <h2 className="title is-5">Statement</h2>
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
          </>
        )}
      </div>
    </section>
  );
}
