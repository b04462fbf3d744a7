import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axisTop, RevenueChart } from './components/RevenueChart';

describe('RevenueChart', () => {
  it('summarises the revenue for screen readers and lists the numbers', () => {
    render(
      <RevenueChart
        days={[
          { date: '2026-11-01', revenue_cents: 1000, orders: 1 },
          { date: '2026-11-02', revenue_cents: 2450, orders: 2 },
        ]}
      />,
    );
    expect(screen.getByRole('img')).toHaveAccessibleName(
      'Revenue over the last 2 days: $34.50 from 3 orders',
    );
    expect(screen.getAllByRole('row')).toHaveLength(3);
  });

  it('has a value axis and writes days as the rest of the app does', () => {
    render(
      <RevenueChart
        days={[
          { date: '2026-12-02', revenue_cents: 0, orders: 0 },
          { date: '2026-12-03', revenue_cents: 4000, orders: 1 },
          { date: '2026-12-04', revenue_cents: 1000, orders: 1 },
        ]}
      />,
    );
    expect(screen.getByTestId('value-axis')).toHaveTextContent('$50.00$25.00$0.00');
    expect(screen.getByTestId('day-axis')).toHaveTextContent('Dec 2, 2026Dec 3, 2026Dec 4, 2026');
    expect(screen.getAllByRole('row')[3]).toHaveTextContent('Dec 4, 2026');
    expect(screen.queryByText(/2026-12-04/)).toBeNull();
  });

  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 2, 3, 7, 10, 11, 13742, 20000, 20001].map(axisTop)).toEqual([
      2, 2, 2, 5, 10, 10, 20, 20000, 20000, 50000,
    ]);
  });

  it('says so when the period had no orders, rather than drawing an empty scale', () => {
    render(
      <RevenueChart
        days={[
          { date: '2026-12-03', revenue_cents: 0, orders: 0 },
          { date: '2026-12-04', revenue_cents: 0, orders: 0 },
        ]}
      />,
    );
    expect(screen.getByTestId('revenue-summary')).toHaveTextContent(
      'No orders in the last 2 days.',
    );
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByTestId('day-axis')).toBeNull();
    expect(screen.getAllByRole('row')).toHaveLength(3);
  });
});
