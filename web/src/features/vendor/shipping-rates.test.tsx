import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { client } from '../../lib/api';
import type { Shop } from '../../lib/api/types';
import { json, mockFetch, type MockCall } from '../../test/fetchMock';
import { renderPage } from '../../test/render';
import { ShopEditPage } from './pages/ShopEditPage';

const vendor = { id: 1, email: 'v@example.test', display_name: 'Vera', role: 'vendor' };
const shop: Shop = {
  id: 4,
  slug: 'moss',
  name: 'Moss & Fern',
  description: '',
  accent_color: '#2f7d4f',
  logo: null,
  cover: null,
  shipping_policy: '',
  returns_policy: '',
  shipping_rates: [{ currency: 'USD', flat_cents: 495, free_over_cents: 5000 }],
  product_count: 0,
  created_at: '',
  updated_at: '',
  closed_at: null,
};

/** The shop settings of a shop that ships for $4.95, free from $50; `patch` answers its save. */
function shopSettings(patch: () => Response = () => json(shop)) {
  client.session.set('a');
  const mocked = mockFetch({
    'GET /api/me': () => json(vendor),
    'GET /api/my/shop': () => json(shop),
    'PATCH /api/shops/moss': patch,
  });
  renderPage(<ShopEditPage />);
  return mocked;
}

const rate = (currency: string) => screen.getByRole('group', { name: `${currency} rate` });
const saves = (calls: MockCall[]) => calls.filter((c) => c.method === 'PATCH');

describe('ShopEditPage’s shipping rates', () => {
  it('shows the rates in major units, and saves a changed and an added rate', async () => {
    const { calls } = shopSettings();
    const usd = await screen.findByRole('group', { name: 'USD rate' });
    expect(within(usd).getByLabelText('Flat charge')).toHaveValue('4.95');
    expect(within(usd).getByLabelText('Free shipping over')).toHaveValue('50.00');

    fireEvent.change(within(usd).getByLabelText('Flat charge'), { target: { value: '5.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a shipping rate' }));
    // The new row offers only the currencies not used yet.
    const added = screen.getAllByTestId('shipping-rate')[1];
    const currency = within(added).getByLabelText('Currency');
    const offered = within(currency)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(offered).not.toContain('USD');
    expect(offered).toHaveLength(9);
    fireEvent.change(currency, { target: { value: 'SEK' } });
    fireEvent.change(within(rate('SEK')).getByLabelText('Flat charge'), {
      target: { value: '39,50' },
    });
    // Each currency once: the USD rate no longer offers SEK.
    expect(within(within(usd).getByLabelText('Currency')).queryByText('SEK')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText(/Shop saved/);
    expect(saves(calls)[0].body).toMatchObject({
      shipping_rates: [
        { currency: 'USD', flat_cents: 550, free_over_cents: 5000 },
        { currency: 'SEK', flat_cents: 3950, free_over_cents: null },
      ],
    });
  });

  it('sends no rates once the last is removed: everything ships free', async () => {
    const { calls } = shopSettings();
    fireEvent.click(
      within(await screen.findByRole('group', { name: 'USD rate' })).getByRole('button', {
        name: 'Remove the USD rate',
      }),
    );
    expect(screen.queryAllByTestId('shipping-rate')).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Add a shipping rate' })).toHaveFocus();
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText(/Shop saved/);
    expect(saves(calls)[0].body).toMatchObject({ shipping_rates: [] });
  });

  it('refuses an amount that is not one before sending anything', async () => {
    const { calls } = shopSettings();
    const usd = await screen.findByRole('group', { name: 'USD rate' });
    fireEvent.change(within(usd).getByLabelText('Flat charge'), { target: { value: 'five' } });
    fireEvent.change(within(usd).getByLabelText('Free shipping over'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(within(usd).getByLabelText('Flat charge')).toHaveAccessibleDescription(
      'Enter a charge like 4.95, or 0.',
    );
    expect(within(usd).getByLabelText('Free shipping over')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(saves(calls)).toHaveLength(0);
  });

  it('shows the server’s error at the field of the rate it names', async () => {
    const { calls } = shopSettings(() =>
      json(
        {
          title: 'Unprocessable',
          status: 422,
          detail: 'Some fields are not valid.',
          errors: { 'shipping_rates[1].flat_cents': ['must be at most 1000000.00'] },
        },
        422,
      ),
    );
    await screen.findByRole('group', { name: 'USD rate' });
    fireEvent.click(screen.getByRole('button', { name: 'Add a shipping rate' }));
    fireEvent.change(within(screen.getAllByTestId('shipping-rate')[1]).getByLabelText('Currency'), {
      target: { value: 'GBP' },
    });
    fireEvent.change(within(rate('GBP')).getByLabelText('Flat charge'), {
      target: { value: '99999999' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Please correct the highlighted fields.',
    );
    expect(within(rate('GBP')).getByLabelText('Flat charge')).toHaveAccessibleDescription(
      'must be at most 1000000.00',
    );
    expect(within(rate('USD')).getByLabelText('Flat charge')).toHaveAttribute(
      'aria-invalid',
      'false',
    );
    expect((saves(calls)[0].body as { shipping_rates: unknown[] }).shipping_rates[1]).toEqual({
      currency: 'GBP',
      flat_cents: 9999999900,
      free_over_cents: null,
    });

    // Removing the rate above keeps the error on the GBP rate it was about.
    fireEvent.click(screen.getByRole('button', { name: 'Remove the USD rate' }));
    await waitFor(() => expect(screen.getAllByTestId('shipping-rate')).toHaveLength(1));
    expect(within(rate('GBP')).getByLabelText('Flat charge')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });
});
