import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { client } from '../../lib/api';
import { json, mockFetch } from '../../test/fetchMock';
import { renderPage } from '../../test/render';
import { ShopEditPage } from './pages/ShopEditPage';

const vendor = { id: 1, email: 'v@example.test', display_name: 'Vera', role: 'vendor' };
const shop = {
  id: 4,
  slug: 'moss',
  name: 'Moss & Fern',
  description: '',
  accent_color: '#2f7d4f',
  logo: null,
  cover: null,
  shipping_policy: '',
  returns_policy: '',
  shipping_rates: [],
  product_count: 0,
  created_at: '',
  updated_at: '',
  closed_at: null,
};

describe('saving the shop', () => {
  const scrolled: Element[] = [];
  const original = Element.prototype.scrollIntoView;
  afterEach(() => {
    Element.prototype.scrollIntoView = original;
    scrolled.length = 0;
  });

  it('announces "Shop saved" and brings the message into view, on each save', async () => {
    Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
      scrolled.push(this);
    });
    client.session.set('a');
    mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/my/shop': () => json(shop),
      'PATCH /api/shops/moss': () => json(shop),
    });
    renderPage(<ShopEditPage />);
    const save = await screen.findByRole('button', { name: 'Save changes' });
    const status = screen.getByRole('status');
    expect(status).toBeEmptyDOMElement();
    fireEvent.click(save);
    await waitFor(() => expect(status).toHaveTextContent('Shop saved.'));
    await waitFor(() => expect(scrolled).toContain(status));
    scrolled.length = 0;
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(scrolled).toContain(status));
  });
});
