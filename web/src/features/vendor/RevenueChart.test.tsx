import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RevenueChart } from './components/RevenueChart';

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
    expect(screen.getByTestId('value-axis')).toHaveTextContent('$40.00$20.00$0.00');
    expect(screen.getByTestId('day-axis')).toHaveTextContent('Dec 2, 2026Dec 3, 2026Dec 4, 2026');
    expect(screen.getAllByRole('row')[3]).toHaveTextContent('Dec 4, 2026');
    expect(screen.queryByText(/2026-12-04/)).toBeNull();
  });
});
