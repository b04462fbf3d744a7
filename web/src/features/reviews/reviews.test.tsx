import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { product, signedIn, user } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { Reviews } from './components/Reviews';

const noReviews = { items: [], page: 1, limit: 10, total: 0, pages: 0 };

function productPage(eligibility: object, url = '/products/9') {
  signedIn();
  const mocked = mockFetch({
    'GET /api/me': () => json(user),
    'GET /api/products/9/reviews': () => json(noReviews),
    'GET /api/products/9/review-eligibility': () => json(eligibility),
  });
  renderPage(<Reviews product={product as never} />, { url, path: '/products/:id' });
  return mocked;
}

describe('the review form', () => {
  const original = Element.prototype.scrollIntoView;
  afterEach(() => {
    Element.prototype.scrollIntoView = original;
  });

  it('is not offered to a buyer who has not received the product, who is told why', async () => {
    productPage({ eligible: false, reason: 'not_received', review_id: null });
    expect(await screen.findByTestId('review-not-eligible')).toHaveTextContent(
      'You can review this product once it has been delivered to you.',
    );
    expect(screen.queryByRole('form', { name: 'Write a review' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Post review' })).toBeNull();
  });

  it('is offered to a buyer who received the product', async () => {
    productPage({ eligible: true, reason: null, review_id: null });
    expect(await screen.findByRole('form', { name: 'Write a review' })).toBeInTheDocument();
    expect(screen.queryByTestId('review-not-eligible')).toBeNull();
  });

  it('is where "Write a review" leads: scrolled to, with focus on its rating', async () => {
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    productPage({ eligible: true, reason: null, review_id: null }, '/products/9#write-review');
    const form = await screen.findByRole('form', { name: 'Write a review' });
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('radio', { name: '1 star' })),
    );
    expect(scrolled.mock.contexts).toContain(form);
  });

  it('is near where a notice of a reply leads (#reviews): the section is scrolled to and focused', async () => {
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    productPage(
      { eligible: false, reason: 'not_received', review_id: null },
      '/products/9#reviews',
    );
    const section = await screen.findByRole('region', { name: 'Reviews' });
    await waitFor(() => expect(document.activeElement).toBe(section));
    expect(scrolled.mock.contexts).toContain(section);
  });
});
