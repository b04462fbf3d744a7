import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { product, signedIn, user } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { Reviews } from './components/Reviews';

const noReviews = { items: [], page: 1, limit: 10, total: 0, pages: 0 };

/** The buyer's review of product 9, with the shop's reply. */
const mine = {
  id: 41,
  product_id: 9,
  author: { id: user.id, display_name: user.display_name },
  rating: 2,
  body: 'Chipped on arrival',
  reply: 'So sorry, we will replace it.',
  replied_at: '2026-12-01T10:00:00Z',
  created_at: '2026-11-30T10:00:00Z',
  updated_at: '2026-11-30T10:00:00Z',
};

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

describe("the buyer's own review", () => {
  afterEach(() => vi.restoreAllMocks());

  /** The product page with the buyer's review; deleting it answers `deleted`. */
  function withMyReview(deleted: () => Response) {
    signedIn();
    let gone = false;
    const mocked = mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/products/9/reviews': () =>
        json(gone ? noReviews : { ...noReviews, items: [mine], total: 1, pages: 1 }),
      'GET /api/products/9/review-eligibility': () =>
        json(
          gone
            ? { eligible: true, reason: null, review_id: null }
            : { eligible: false, reason: 'reviewed', review_id: mine.id },
        ),
      'DELETE /api/reviews/41': () => {
        const answer = deleted();
        gone = answer.status === 204;
        return answer;
      },
    });
    const onReviewed = vi.fn();
    renderPage(<Reviews product={product as never} onReviewed={onReviewed} />, {
      url: '/products/9',
      path: '/products/:id',
    });
    return { ...mocked, onReviewed };
  }

  it('can be deleted after a confirmation that says the reply goes too; the form comes back', async () => {
    const { calls, onReviewed } = withMyReview(() => new Response(null, { status: 204 }));
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete your review' }));
    expect(confirm).toHaveBeenCalledExactlyOnceWith(
      'Delete your review? The shop’s reply goes with it. You can write a new one afterwards.',
    );
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);

    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByRole('button', { name: 'Delete your review' }));
    expect(await screen.findByRole('form', { name: 'Write a review' })).toBeInTheDocument();
    expect(screen.queryByText('Chipped on arrival')).toBeNull();
    expect(calls.filter((call) => call.method === 'DELETE')).toHaveLength(1);
    expect(onReviewed).toHaveBeenCalledOnce();
  });

  it('stays, with the reason shown, when the server refuses', async () => {
    const { onReviewed } = withMyReview(() =>
      json(
        { type: '/problems/forbidden', status: 403, detail: "This is someone else's review." },
        403,
      ),
    );
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete your review' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("This is someone else's review.");
    expect(screen.getByText('Chipped on arrival')).toBeInTheDocument();
    expect(onReviewed).not.toHaveBeenCalled();
  });
});

describe("the shop's reply", () => {
  afterEach(() => vi.restoreAllMocks());

  const vendor = { ...user, id: 7, display_name: 'Vera', role: 'vendor' };

  /** The product page as its shop's vendor sees it, the review's reply as the server keeps it. */
  function asTheShop() {
    signedIn();
    let reply: string | null = mine.reply;
    const mocked = mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/my/shop': () => json({ ...product.shop, shipping_rates: [] }),
      'GET /api/products/9/reviews': () =>
        json({ ...noReviews, items: [{ ...mine, reply }], total: 1, pages: 1 }),
      'PUT /api/reviews/41/reply': (call) => {
        reply = (call.body as { body: string }).body;
        return json({ ...mine, reply });
      },
      'DELETE /api/reviews/41/reply': () => {
        reply = null;
        return new Response(null, { status: 204 });
      },
    });
    renderPage(<Reviews product={product as never} />, {
      url: '/products/9',
      path: '/products/:id',
    });
    return mocked;
  }

  it('is edited in place: the form holds the reply, Save sends the new text with PUT', async () => {
    const { calls } = asTheShop();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit reply' }));
    const box = screen.getByRole('textbox', { name: 'Reply as the shop' });
    expect(box).toHaveValue('So sorry, we will replace it.');
    fireEvent.change(box, { target: { value: 'Replaced: a new one is on its way.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save reply' }));
    await waitFor(() =>
      expect(screen.getByText('Replaced: a new one is on its way.')).toBeInTheDocument(),
    );
    expect(screen.queryByRole('textbox', { name: 'Reply as the shop' })).toBeNull();
    const put = calls.filter((call) => call.method === 'PUT');
    expect(put).toHaveLength(1);
    expect(put[0].body).toEqual({ body: 'Replaced: a new one is on its way.' });
  });

  it('is withdrawn after a confirmation; the form to reply comes back', async () => {
    const { calls } = asTheShop();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete reply' }));
    expect(confirm).toHaveBeenCalledExactlyOnceWith('Delete your reply? The review stays.');
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);

    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByRole('button', { name: 'Delete reply' }));
    expect(await screen.findByRole('button', { name: 'Post reply' })).toBeInTheDocument();
    expect(screen.queryByText('So sorry, we will replace it.')).toBeNull();
    expect(screen.getByText('Chipped on arrival')).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'DELETE')).toHaveLength(1);
  });
});
