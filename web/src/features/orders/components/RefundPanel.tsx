import { useId, useState, type FormEvent } from 'react';
import { Field } from '../../../components/Field';
import { Money } from '../../../components/Money';
import { ApiError, errorMessage } from '../../../lib/api';
import type { Order, RefundRequest } from '../../../lib/api/types';
import { parseAmountToCents } from '../../../lib/money';
import { uuid } from '../../../lib/uuid';
import { useRefundOrder, type RefundAttempt } from '../api/refund-order';

type Mode = 'items' | 'amount';

/** What is left to refund of each of the order's lines, by product. */
function quantitiesLeft(order: Order): Map<number, number> {
  const left = new Map(order.items.map((item) => [item.product_id, item.quantity]));
  for (const refund of order.refunds ?? [])
    for (const item of refund.items)
      left.set(item.product_id, (left.get(item.product_id) ?? 0) - item.quantity);
  return left;
}

/** Whether the shop's vendor may refund (part of) the order now. */
export function canRefundPart(order: Order): boolean {
  return (
    (order.status === 'shipped' || order.status === 'delivered') &&
    order.total_cents - (order.refunded_cents ?? 0) > 0
  );
}

/**
 * The vendor's partial refund: items and quantities, or an amount, then a
 * confirmation of the total. Each confirmed attempt gets its own
 * Idempotency-Key, which a retry after a failure sends again, so a refund
 * whose answer was lost is not made twice; changing the refund starts a new
 * attempt.
 */
export function RefundPanel({ order }: { order: Order }) {
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<Mode>('items');
  const [quantities, setQuantities] = useState<Record<number, string>>({});
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [attempt, setAttempt] = useState<(RefundAttempt & { total: number }) | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const formId = useId();
  const refund = useRefundOrder(order.id, {
    onSuccess: () => {
      setDone(attempt?.total ?? null);
      setOpen(false);
      setAttempt(null);
      setQuantities({});
      setAmount('');
      setReason('');
    },
  });
  if (!canRefundPart(order)) return null;

  const left = quantitiesLeft(order);
  const leftCents = order.total_cents - (order.refunded_cents ?? 0);
  const chosen = order.items
    .map((item) => ({ item, quantity: Number(quantities[item.product_id] || 0) }))
    .filter(({ quantity }) => Number.isInteger(quantity) && quantity > 0);
  const amountCents = parseAmountToCents(amount);
  const total =
    mode === 'items'
      ? chosen.reduce((sum, { item, quantity }) => sum + item.unit_price_cents * quantity, 0)
      : (amountCents ?? 0);
  const tooMuch = total > leftCents;
  const label = `order #${order.id}`;

  const review = (event: FormEvent) => {
    event.preventDefault();
    if (total <= 0 || tooMuch) return;
    const trimmed = reason.trim();
    const request: RefundRequest =
      mode === 'items'
        ? {
            items: chosen.map(({ item, quantity }) => ({ product_id: item.product_id, quantity })),
            ...(trimmed && { reason: trimmed }),
          }
        : { amount_cents: total, ...(trimmed && { reason: trimmed }) };
    refund.reset();
    setAttempt({ request, idempotencyKey: uuid(), total });
  };
  const back = () => {
    refund.reset();
    setAttempt(null);
  };

  return (
    <div className="mt-4">
      {!open && (
        <button
          type="button"
          className="button is-danger is-light is-small"
          aria-expanded={false}
          aria-controls={`${formId}-refund`}
          onClick={() => {
            setDone(null);
            setOpen(true);
          }}
        >
          Refund <span className="is-sr-only">{label}</span>
        </button>
      )}
      {done !== null && (
        <p className="help is-success" role="status">
          Refunded <Money cents={done} currency={order.currency} />.
        </p>
      )}
      {open && attempt === null && (
        <form
          id={`${formId}-refund`}
          className="box p-3"
          onSubmit={review}
          aria-label={`Refund ${label}`}
        >
          <fieldset className="field">
            <legend className="label">Refund</legend>
            <div className="control">
              <label className="radio mr-3">
                <input
                  type="radio"
                  name={`${formId}-mode`}
                  checked={mode === 'items'}
                  onChange={() => setMode('items')}
                />{' '}
                Items
              </label>
              <label className="radio">
                <input
                  type="radio"
                  name={`${formId}-mode`}
                  checked={mode === 'amount'}
                  onChange={() => setMode('amount')}
                />{' '}
                An amount
              </label>
            </div>
          </fieldset>
          {mode === 'items' ? (
            order.items.map((item) => {
              const most = Math.max(0, left.get(item.product_id) ?? 0);
              return (
                <Field
                  key={item.product_id}
                  label={`${item.name}: how many to refund`}
                  help={`${most} of ${item.quantity} left to refund`}
                >
                  {(props) => (
                    <input
                      {...props}
                      type="number"
                      className="input is-small"
                      min={0}
                      max={most}
                      step={1}
                      disabled={most === 0}
                      value={quantities[item.product_id] ?? '0'}
                      onChange={(e) =>
                        setQuantities({ ...quantities, [item.product_id]: e.target.value })
                      }
                    />
                  )}
                </Field>
              );
            })
          ) : (
            <Field
              label={`Amount (${order.currency})`}
              help={
                <>
                  At most <Money cents={leftCents} currency={order.currency} />
                </>
              }
            >
              {(props) => (
                <input
                  {...props}
                  className="input is-small"
                  inputMode="decimal"
                  value={amount}
                  onChange={(e) => setAmount(e.target.value)}
                />
              )}
            </Field>
          )}
          <Field label="Reason (optional)" help="The buyer sees this reason.">
            {(props) => (
              <input
                {...props}
                className="input is-small"
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
          <p className="mb-2" data-testid="refund-total" aria-live="polite">
            To refund: <Money cents={total} currency={order.currency} />
            {tooMuch && (
              <span className="help is-danger">
                That is more than is left to refund (
                <Money cents={leftCents} currency={order.currency} />
                ).
              </span>
            )}
          </p>
          <div className="buttons are-small">
            <button type="submit" className="button is-danger" disabled={total <= 0 || tooMuch}>
              Review refund
            </button>
            <button type="button" className="button is-text" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
        </form>
      )}
      {open && attempt !== null && (
        <div className="box p-3" role="group" aria-label={`Confirm the refund of ${label}`}>
          <p className="mb-2" data-testid="refund-confirmation">
            Refund <Money cents={attempt.total} currency={order.currency} /> to{' '}
            {order.buyer.display_name}’s card? This cannot be undone.
          </p>
          <div className="buttons are-small">
            <button
              type="button"
              className={`button is-danger ${refund.isPending ? 'is-loading' : ''}`}
              disabled={refund.isPending}
              onClick={() => refund.mutate(attempt)}
            >
              {refund.error ? 'Try again' : 'Confirm refund'}
            </button>
            <button
              type="button"
              className="button is-text"
              disabled={refund.isPending}
              onClick={back}
            >
              Change the refund
            </button>
          </div>
          {refund.error != null && (
            <p className="help is-danger" role="alert">
              {refund.error instanceof ApiError && refund.error.status < 500
                ? `The refund was not made: ${errorMessage(refund.error)}`
                : `${errorMessage(refund.error)} Trying again refunds it once at most.`}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
