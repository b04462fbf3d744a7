import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { Loading } from '../../../components/Loading';
import { Money } from '../../../components/Money';
import { paths } from '../../../config/paths';
import { errorMessage, fieldErrorsOf } from '../../../lib/api';
import type { Payout, PayoutAccount, PayoutSchedule } from '../../../lib/api/types';
import { formatDate } from '../../../lib/dates';
import { centsToAmount, parseAmountToCents } from '../../../lib/money';
import { uuid } from '../../../lib/uuid';
import { useBalances } from '../api/get-balances';
import {
  useConnectPayoutAccount,
  usePayoutAccount,
  usePayouts,
  useRequestPayout,
  useSavePayoutSettings,
} from '../api/payouts';
import { PAYOUT_STATUS_LABELS } from './labels';

const SCHEDULE_LABELS: Record<PayoutSchedule, string> = {
  manual: 'Only when I ask',
  daily: 'Daily',
  weekly: 'Weekly (Mondays)',
};

function ConnectAccount() {
  const connecting = useConnectPayoutAccount();
  return (
    <div>
      <p className="mb-3">
        Connect a payout account to have your available balance sent to your bank.
      </p>
      <button
        type="button"
        className={`button is-link ${connecting.isPending ? 'is-loading' : ''}`}
        disabled={connecting.isPending}
        onClick={() => connecting.mutate()}
      >
        Connect payout account
      </button>
      <ErrorNotice error={connecting.error} />
    </div>
  );
}

function SettingsForm({ account }: { account: PayoutAccount }) {
  const [schedule, setSchedule] = useState<PayoutSchedule>(account.schedule);
  const [minimum, setMinimum] = useState(centsToAmount(account.minimum_cents));
  const [invalidMinimum, setInvalidMinimum] = useState(false);
  const saving = useSavePayoutSettings();
  const errors = fieldErrorsOf(saving.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minimumCents = parseAmountToCents(minimum);
    setInvalidMinimum(minimumCents === undefined);
    if (minimumCents === undefined) return;
    saving.mutate({ schedule, minimum_cents: minimumCents });
  };
  const minimumErrors = invalidMinimum
    ? ['Give an amount, such as 25 or 25.00.']
    : errors.minimum_cents;
  return (
    <form onSubmit={submit} aria-labelledby="payout-settings-heading">
      <h3 className="title is-6" id="payout-settings-heading">
        Payout settings
      </h3>
      <div className="columns is-mobile is-multiline is-align-items-flex-end">
        <Field className="column is-narrow" label="Schedule" errors={errors.schedule}>
          {(props) => (
            <div className="select">
              <select
                {...props}
                value={schedule}
                onChange={(e) => setSchedule(e.target.value as PayoutSchedule)}
              >
                {Object.entries(SCHEDULE_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
          )}
        </Field>
        <Field className="column is-narrow" label="Minimum payout" errors={minimumErrors}>
          {(props) => (
            <input
              {...props}
              className="input"
              inputMode="decimal"
              value={minimum}
              onChange={(e) => setMinimum(e.target.value)}
            />
          )}
        </Field>
        <div className="column is-narrow field">
          <button
            type="submit"
            className={`button ${saving.isPending ? 'is-loading' : ''}`}
            disabled={saving.isPending}
          >
            Save settings
          </button>
        </div>
      </div>
      {saving.isSuccess && (
        <p className="help is-success" role="status">
          Settings saved.
        </p>
      )}
      {saving.error != null && Object.keys(errors).length === 0 && (
        <p className="help is-danger" role="alert">
          {errorMessage(saving.error)}
        </p>
      )}
    </form>
  );
}

/**
 * Pays out the available balance now: one button, or one per currency when
 * money is available in several. One click is one intent: its
 * Idempotency-Key is made once, so a retry of a request whose answer was
 * lost pays nothing twice.
 */
function RequestPayout() {
  const balances = useBalances();
  const requesting = useRequestPayout();
  const withMoney = (balances.data?.balances ?? [])
    .filter((balance) => balance.available_cents > 0)
    .map((balance) => balance.currency);
  const choices = withMoney.length > 1 ? withMoney : [undefined];
  return (
    <div className="mb-4">
      <div className="buttons">
        {choices.map((currency) => (
          <button
            key={currency ?? 'any'}
            type="button"
            className={`button is-primary ${
              requesting.isPending && requesting.variables?.currency === currency
                ? 'is-loading'
                : ''
            }`}
            disabled={requesting.isPending}
            onClick={() => requesting.mutate({ idempotencyKey: uuid(), currency })}
          >
            {currency ? `Request payout (${currency})` : 'Request payout'}
          </button>
        ))}
      </div>
      {requesting.error != null && (
        <p className="help is-danger" role="alert" data-testid="payout-error">
          {errorMessage(requesting.error)}
        </p>
      )}
      {requesting.isSuccess && (
        <p className="help is-success" role="status">
          Payout #{requesting.data.id} of{' '}
          <Money cents={requesting.data.amount_cents} currency={requesting.data.currency} />{' '}
          requested.
        </p>
      )}
    </div>
  );
}

function PayoutRow({ payout }: { payout: Payout }) {
  return (
    <tr data-testid="payout-row">
      <td data-label="Payout">#{payout.id}</td>
      <td data-label="Date">{formatDate(payout.created_at)}</td>
      <td className="has-text-right" data-label="Amount">
        <Money cents={payout.amount_cents} currency={payout.currency} />
      </td>
      <td data-label="Status" data-status={payout.status}>
        {PAYOUT_STATUS_LABELS[payout.status]}
        {payout.failure_reason && (
          <span className="is-block has-text-grey is-size-7">
            {payout.failure_reason} ({payout.failure_code})
          </span>
        )}
      </td>
      <td data-label="Orders">
        {payout.order_ids.length === 0
          ? '—'
          : payout.order_ids.map((id, i) => (
              <span key={id}>
                {i > 0 && ', '}
                <Link to={paths.order.href(id)}>#{id}</Link>
              </span>
            ))}
      </td>
    </tr>
  );
}

function PayoutList() {
  const payouts = usePayouts();
  if (payouts.isPending) return <Loading />;
  if (payouts.error) return <ErrorNotice error={payouts.error} onRetry={() => payouts.refetch()} />;
  if (payouts.data.items.length === 0)
    return <EmptyState title="No payouts yet">Request one once money is available.</EmptyState>;
  return (
    <div className="table-container">
      <table className="table is-fullwidth is-narrow cards-on-phone" aria-label="Payouts">
        <thead>
          <tr>
            <th scope="col">Payout</th>
            <th scope="col">Date</th>
            <th scope="col" className="has-text-right">
              Amount
            </th>
            <th scope="col">Status</th>
            <th scope="col">Orders</th>
          </tr>
        </thead>
        <tbody>
          {payouts.data.items.map((payout) => (
            <PayoutRow key={payout.id} payout={payout} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The vendor's payouts: the connected account and its schedule, a payout of
 * the available balance on request, and every payout with the orders it pays.
 */
export function PayoutsBox() {
  const account = usePayoutAccount();
  return (
    <section className="box" aria-labelledby="payouts-heading" data-testid="payouts">
      <h2 className="title is-5" id="payouts-heading">
        Payouts
      </h2>
      {account.isPending && <Loading />}
      <ErrorNotice error={account.error} onRetry={() => account.refetch()} />
      {account.data === null && <ConnectAccount />}
      {account.data && (
        <>
          <p className="mb-3" data-testid="payout-account">
            Paid to account <code>{account.data.gateway_account_id}</code>.
          </p>
          <RequestPayout />
          <SettingsForm account={account.data} />
          <h3 className="title is-6 mt-5">History</h3>
          <PayoutList />
        </>
      )}
    </section>
  );
}
