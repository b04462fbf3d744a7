import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { renderPage } from '../../test/render';
import { product } from '../../test/fixtures';
import { SearchPage } from './pages/SearchPage';

const page = { items: [product], page: 1, limit: 24, pages: 42, facets: { category: [] } };

describe('SearchPage result count', () => {
  it('says "1,000+" when the server stopped counting at its cap', async () => {
    mockFetch({ 'GET /api/products': () => json({ ...page, total: 1000, total_capped: true }) });
    renderPage(<SearchPage />, { url: '/search?q=mug' });
    await waitFor(() =>
      expect(screen.getByTestId('result-count')).toHaveTextContent('1,000+ products'),
    );
  });

  it('gives an exact total as it is', async () => {
    mockFetch({ 'GET /api/products': () => json({ ...page, total: 999, total_capped: false }) });
    renderPage(<SearchPage />, { url: '/search?q=mug' });
    await waitFor(() =>
      expect(screen.getByTestId('result-count')).toHaveTextContent(/^999 products$/),
    );
  });
});
