import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { product } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { ProductPage } from './pages/ProductPage';
import { categoryLabel } from './utils/category';

describe('the product page’s breadcrumb', () => {
  it('writes the category as a name, not as its lower-case key', async () => {
    mockFetch({
      'GET /api/products/9': () => json({ ...product, category: 'home-decor' }),
      'GET /api/products/9/reviews': () =>
        json({ items: [], page: 1, limit: 10, total: 0, pages: 0 }),
    });
    renderPage(<ProductPage />, { url: '/products/9', path: '/products/:id' });
    const crumbs = await screen.findByRole('navigation', { name: 'Breadcrumb' });
    expect(within(crumbs).getByRole('link', { name: 'Home decor' })).toHaveAttribute(
      'href',
      '/search?category=home-decor',
    );
  });

  it('names categories in sentence case', () => {
    expect(categoryLabel('plants')).toBe('Plants');
    expect(categoryLabel('home_and-garden')).toBe('Home and garden');
  });
});
