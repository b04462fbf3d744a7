import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { signedIn, user } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { VendorNav } from './components/VendorNav';

const vendor = { ...user, id: 8, display_name: 'Vera', role: 'vendor' };
const page = (total: number) => ({ items: [], page: 1, limit: 1, total, pages: total });

describe('the vendor’s tabs', () => {
  it('count the paid orders that wait for the vendor on the Orders tab', async () => {
    signedIn();
    const { calls } = mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/my/shop/orders': () => json(page(3)),
    });
    renderPage(<VendorNav />);
    const badge = await screen.findByTestId('new-orders');
    expect(badge).toHaveTextContent('3');
    expect(screen.getByRole('link', { name: /^Orders,?\s*3\s*new$/ })).toBeInTheDocument();
    const asked = calls.find((call) => call.url.includes('/api/my/shop/orders'))!;
    expect(new URL(asked.url, 'http://x').searchParams.get('status')).toBe('paid');
  });

  it('show no count when no order waits', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/my/shop/orders': () => json(page(0)),
    });
    renderPage(<VendorNav />);
    await screen.findByRole('link', { name: 'Orders' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId('new-orders')).toBeNull();
  });
});
