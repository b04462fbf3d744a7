import type { Order, OrderStatus } from '../../../lib/api/types';
import { formatDateTime } from '../../../lib/dates';
import { STATUS_LABELS } from './StatusTag';

const STEPS: OrderStatus[] = ['paid', 'processing', 'shipped', 'delivered'];

/**
 * The order's progress: each step with when it happened, the current one
 * marked; a cancelled order shows the steps it reached and its cancellation.
 */
export function OrderTimeline({ order }: { order: Order }) {
  const eventFor = (status: OrderStatus) => order.events.find((e) => e.status === status);
  const ended = order.status === 'cancelled' || order.status === 'refunded';
  const steps: OrderStatus[] = ended
    ? [...STEPS.filter((s) => s === 'paid' || eventFor(s)), order.status]
    : STEPS;
  const reached = steps.indexOf(order.status);
  return (
    <ol className="timeline" aria-label="Order progress">
      {steps.map((status, index) => {
        const event = eventFor(status);
        const done = index <= reached;
        return (
          <li
            key={status}
            className={`timeline-step ${done ? 'is-done' : ''} ${status === 'cancelled' || status === 'refunded' ? 'is-cancelled' : ''}`}
            aria-current={index === reached ? 'step' : undefined}
          >
            <span className="timeline-marker" aria-hidden="true" />
            <div>
              <p className="has-text-weight-semibold">
                {STATUS_LABELS[status]}
                <span className="is-sr-only">{done ? ' (done)' : ' (not yet)'}</span>
              </p>
              {event && <p className="is-size-7 has-text-grey">{formatDateTime(event.at)}</p>}
              {event?.note && <p className="is-size-7">{event.note}</p>}
              {status === 'shipped' &&
                done &&
                order.tracking_number &&
                !event?.note?.includes(order.tracking_number) && (
                  <p className="is-size-7">
                    {order.carrier} tracking: <strong>{order.tracking_number}</strong>
                  </p>
                )}
              {status === 'shipped' && done && order.tracking_url && (
                <p className="is-size-7">
                  <a href={order.tracking_url} target="_blank" rel="noopener noreferrer">
                    Track the parcel on {order.carrier}’s site
                  </a>
                </p>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
