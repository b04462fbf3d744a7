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
});
