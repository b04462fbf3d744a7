import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { image, product } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { HomePage } from './pages/HomePage';

const listed = (id: number, name: string, withImage: boolean) => ({
  ...product,
  id,
  name,
  image: withImage ? { ...image(id), alt_text: name } : null,
});

describe('the home page’s new products', () => {
  it('are those in stock, the ones with images first', async () => {
    const { calls } = mockFetch({
      'GET /api/shops': () => json({ items: [], page: 1, limit: 6, total: 0, pages: 0 }),
      'GET /api/products': () =>
        json({
          items: [
            listed(5, 'Bare jar', false),
            listed(4, 'Moss terrarium', true),
            listed(3, 'Unpictured pot', false),
            listed(2, 'Glass dome', true),
          ],
          page: 1,
          limit: 24,
          total: 4,
          pages: 1,
        }),
    });
    renderPage(<HomePage />);
    const section = (await screen.findByRole('heading', { name: 'New products' })).closest(
      'section',
    )!;
    await within(section).findByText('Moss terrarium');
    const names = within(section)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(names).toEqual(['Moss terrarium', 'Glass dome', 'Bare jar', 'Unpictured pot']);
    const asked = new URL(calls.find((c) => c.url.startsWith('/api/products'))!.url, 'http://x');
    expect(asked.searchParams.get('in_stock')).toBe('true');
  });
});
