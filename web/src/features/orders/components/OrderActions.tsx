import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Field } from '../../../components/Field';
import { Money } from '../../../components/Money';
import { errorMessage, fieldErrorsOf } from '../../../lib/api';
import type { Order } from '../../../lib/api/types';
import { useOrderAction, type OrderAction as Action } from '../api/change-order';

type FormAction = 'ship' | 'cancel' | 'refund';

/** What the shop may do next with an order. */
export function vendorActions(order: Order): Action[] {
  switch (order.status) {
    case 'paid':
      return ['process', 'ship', 'cancel'];
    case 'processing':
      return ['ship', 'cancel'];
    case 'shipped':
      return ['deliver', 'refund'];
    case 'delivered':
      return ['refund'];
    default:
      return [];
  }
}

export function buyerCanCancel(order: Order): boolean {
  return order.can_cancel ?? (order.status === 'paid' || order.status === 'processing');
}

/**
 * Buttons for an order's next steps. Shipping, cancelling and refunding open
 * a small form below the buttons (carrier and tracking number; a reason; a
 * confirmation of the amount), so none of them happens on a single click.
 * A vendor must give a reason to cancel (the buyer sees it); a buyer need not.
 */
// The reason a cancel or a refund gives (at most 500 characters).
function ReasonField({
  required = false,
  help,
  errors,
  value,
  onChange,
}: {
  required?: boolean;
  help?: string;
  errors?: string[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={required ? 'Reason' : 'Reason (optional)'} help={help} errors={errors}>
      {(props) => (
        <input
          {...props}
          className="input is-small"
          required={required}
          maxLength={500}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

function ConfirmButton({
  color,
  pending,
  children,
}: {
  color: string;
  pending: boolean;
  children: ReactNode;
}) {
  return (
    <button type="submit" className={`button ${color} is-small ${pending ? 'is-loading' : ''}`}>
      {children}
    </button>
  );
}

export function OrderActions({
  order,
  actions,
  by = 'vendor',
}: {
  order: Order;
  actions: Action[];
  by?: 'buyer' | 'vendor';
}) {
  const [open, setOpen] = useState<FormAction | null>(null);
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const [reason, setReason] = useState('');
  const formId = useId();
  const run = useOrderAction(order.id, { onSuccess: () => setOpen(null) });
  const act = (action: Action) =>
    run.mutate({
      action,
      carrier: carrier.trim(),
      trackingNumber: tracking.trim(),
      reason: reason.trim(),
    });
  if (actions.length === 0) return null;
  const errors = fieldErrorsOf(run.error);
  const label = `order #${order.id}`;

  const toggle = (action: FormAction) => {
    setReason('');
    setOpen(open === action ? null : action);
  };
  const submit = (action: FormAction) => (event: FormEvent) => {
    event.preventDefault();
    act(action);
  };

  return (
    <div className="order-actions">
      <div className="buttons are-small">
        {actions.includes('process') && (
          <button
            type="button"
            className="button is-warning is-light"
            disabled={run.isPending}
            onClick={() => act('process')}
          >
            Start processing <span className="is-sr-only">{label}</span>
          </button>
        )}
        {actions.includes('ship') && (
          <button
            type="button"
            className="button is-link is-light"
            aria-expanded={open === 'ship'}
            aria-controls={`${formId}-ship`}
            onClick={() => toggle('ship')}
          >
            Ship <span className="is-sr-only">{label}</span>
          </button>
        )}
        {actions.includes('deliver') && (
          <button
            type="button"
            className="button is-success is-light"
            disabled={run.isPending}
            onClick={() => act('deliver')}
          >
            Mark delivered <span className="is-sr-only">{label}</span>
          </button>
        )}
        {actions.includes('cancel') && (
          <button
            type="button"
            className="button is-danger is-light"
            aria-expanded={open === 'cancel'}
            aria-controls={`${formId}-cancel`}
            onClick={() => toggle('cancel')}
          >
            Cancel order <span className="is-sr-only">#{order.id}</span>
          </button>
        )}
        {actions.includes('refund') && (
          <button
            type="button"
            className="button is-danger is-light"
            aria-expanded={open === 'refund'}
            aria-controls={`${formId}-refund`}
            onClick={() => toggle('refund')}
          >
            Refund <span className="is-sr-only">{label}</span>
          </button>
        )}
      </div>
      {open === 'ship' && (
        <form
          id={`${formId}-ship`}
          className="box p-3"
          onSubmit={submit('ship')}
          aria-label={`Ship ${label}`}
        >
          <div className="columns is-mobile is-multiline">
            <Field className="column" label="Carrier" errors={errors.carrier}>
              {(props) => (
                <input
                  {...props}
                  className="input is-small"
                  required
                  value={carrier}
                  onChange={(e) => setCarrier(e.target.value)}
                />
              )}
            </Field>
            <Field className="column" label="Tracking number" errors={errors.tracking_number}>
              {(props) => (
                <input
                  {...props}
                  className="input is-small"
                  required
                  value={tracking}
                  onChange={(e) => setTracking(e.target.value)}
                />
              )}
            </Field>
          </div>
          <ConfirmButton color="is-link" pending={run.isPending}>
            Confirm shipment
          </ConfirmButton>
        </form>
      )}
      {open === 'cancel' && (
        <form
          id={`${formId}-cancel`}
          className="box p-3"
          onSubmit={submit('cancel')}
          aria-label={`Cancel ${label}`}
        >
          <ReasonField
            required={by === 'vendor'}
            help={by === 'vendor' ? 'The buyer sees this reason.' : undefined}
            errors={errors.reason}
            value={reason}
            onChange={setReason}
          />
          <ConfirmButton color="is-danger" pending={run.isPending}>
            Confirm cancellation
          </ConfirmButton>
        </form>
      )}
      {open === 'refund' && (
        <form
          id={`${formId}-refund`}
          className="box p-3"
          onSubmit={submit('refund')}
          aria-label={`Refund ${label}`}
        >
          <p className="mb-2" data-testid="refund-confirmation">
            Refund{' '}
            <Money
              cents={order.total_cents - (order.refunded_cents ?? 0)}
              currency={order.currency}
            />{' '}
            to {order.buyer.display_name}’s card? This cannot be undone.
          </p>
          <ReasonField errors={errors.reason} value={reason} onChange={setReason} />
          <ConfirmButton color="is-danger" pending={run.isPending}>
            Confirm refund
          </ConfirmButton>
        </form>
      )}
      {run.error != null && (
        <p className="help is-danger" role="alert">
          {errorMessage(run.error)}
        </p>
      )}
    </div>
  );
}
