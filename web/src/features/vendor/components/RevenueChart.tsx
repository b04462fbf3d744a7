import './revenue-chart.css';
import type { Dashboard } from '../../../lib/api/types';
import { formatMoney } from '../../../lib/money';

/** A day of the server's ("2026-12-04", UTC) as the app writes dates: "Dec 4, 2026". */
export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * The top of the value axis: the smallest 1, 2 or 5 × 10^k minor units at or
 * above the best day, so the axis reads $150.00 / $75.00 rather than $137.42
 * / $68.71. Never below 2, so its half is a whole unit too.
 */
export function axisTop(best: number): number {
  const target = Math.max(2, best);
  for (let power = 1; ; power *= 10)
    for (const step of [1, 2, 5]) if (step * power >= target) return step * power;
}

/**
 * Revenue per day as bars over a value axis (0, half, a round top) and the
 * first, middle and last days, with the same numbers in a table for screen
 * readers. A period without revenue says so instead of drawing empty bars.
 */
export function RevenueChart({
  days,
  currency = 'USD',
}: {
  days: Dashboard['revenue_by_day'];
  currency?: string;
}) {
  const total = days.reduce((sum, d) => sum + d.revenue_cents, 0);
  const max = axisTop(Math.max(0, ...days.map((d) => d.revenue_cents)));
  const orders = days.reduce((sum, d) => sum + d.orders, 0);
  const width = 600;
  const height = 160;
  const gap = 2;
  const barWidth = days.length ? width / days.length - gap : 0;
  return (
    <figure className="revenue-chart">
      {orders > 0 && (
        <div className="revenue-chart-plot">
          <div
            className="revenue-chart-values is-size-7 has-text-grey"
            aria-hidden="true"
            data-testid="value-axis"
          >
            <span>{formatMoney(max, currency)}</span>
            <span>{formatMoney(max / 2, currency)}</span>
            <span>{formatMoney(0, currency)}</span>
          </div>
          <svg
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-label={`Revenue over the last ${days.length} days: ${formatMoney(total, currency)} from ${orders} orders`}
            preserveAspectRatio="none"
          >
            <line x1="0" y1={height} x2={width} y2={height} className="axis" />
            <line x1="0" y1={height / 2} x2={width} y2={height / 2} className="grid" />
            <line x1="0" y1={0} x2={width} y2={0} className="grid" />
            {days.map((day, index) => {
              const barHeight = (day.revenue_cents / max) * height;
              return (
                <rect
                  key={day.date}
                  x={index * (barWidth + gap)}
                  y={height - barHeight}
                  width={barWidth}
                  height={barHeight}
                  className="bar"
                >
                  <title>
                    {formatDay(day.date)}: {formatMoney(day.revenue_cents, currency)} ({day.orders}{' '}
                    orders)
                  </title>
                </rect>
              );
            })}
          </svg>
        </div>
      )}
      {days.length > 0 && orders > 0 && (
        <div
          className="revenue-chart-days is-flex is-justify-content-space-between is-size-7 has-text-grey"
          aria-hidden="true"
          data-testid="day-axis"
        >
          <span>{formatDay(days[0].date)}</span>
          {days.length > 2 && <span>{formatDay(days[Math.floor(days.length / 2)].date)}</span>}
          <span>{formatDay(days[days.length - 1].date)}</span>
        </div>
      )}
      <figcaption className="is-size-7 has-text-grey" data-testid="revenue-summary">
        {orders === 0
          ? `No orders in the last ${days.length} days.`
          : `${formatMoney(total, currency)} from ${orders} ${orders === 1 ? 'order' : 'orders'} in the last ${days.length} days`}
      </figcaption>
      <details className="mt-2">
        <summary className="is-size-7">Show the numbers</summary>
        <table className="table is-narrow is-fullwidth is-size-7">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Orders</th>
              <th scope="col">Revenue</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.date}>
                <td>{formatDay(day.date)}</td>
                <td>{day.orders}</td>
                <td>{formatMoney(day.revenue_cents, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
