import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { client } from '../../lib/api';
import { json, mockFetch } from '../../test/fetchMock';
import { product } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { ProductEditPage } from './pages/ProductEditPage';

const vendor = { id: 1, email: 'v@example.test', display_name: 'Vera', role: 'vendor' };

/** The new product form, opened from the product list (Back returns there). */
function newProductPage() {
  client.session.set('a');
  const { calls } = mockFetch({
    'GET /api/me': () => json(vendor),
    'GET /api/categories': () => json({ items: ['plants', 'decor'] }),
    'GET /api/my/shop/orders': () => json({ items: [], page: 1, limit: 1, total: 0, pages: 0 }),
    'POST /api/products': () => json(product, 201),
  });
  const { router } = renderPage(<ProductEditPage />, {
    url: '/vendor/products/new',
    path: '/vendor/products/new',
    backTo: '/vendor/products',
  });
  return { calls, router };
}

const LEAVE = 'Leave this page? Your changes to this product are not saved.';

describe('the product editor', () => {
  afterEach(() => vi.restoreAllMocks());

  it('says how long the name may be, and when a pasted name was cut', async () => {
    newProductPage();
    const name = await screen.findByLabelText('Name');
    expect(name).toHaveAttribute('maxLength', '120');
    expect(screen.getByTestId('name-count')).toHaveTextContent('0 / 120 characters');
    fireEvent.change(name, { target: { value: 'Moss terrarium' } });
    expect(screen.getByTestId('name-count')).toHaveTextContent('14 / 120 characters');
    fireEvent.paste(name, { clipboardData: { getData: () => 'x'.repeat(130) } });
    expect(screen.getByTestId('name-count')).toHaveTextContent(
      'The pasted name was cut to 120 characters',
    );
    expect(name).toHaveAccessibleDescription(/14 \/ 120 characters/);
  });

  it('lets an unchanged product be left without asking', async () => {
    newProductPage();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    const cancel = await screen.findByRole('link', { name: 'Cancel' });
    fireEvent.click(cancel); // nothing typed yet: leaves without asking
    expect(confirm).not.toHaveBeenCalled();
  });

  it('keeps the edits when the person chooses to stay', async () => {
    newProductPage();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'Half a name' } });
    fireEvent.click(screen.getByRole('link', { name: 'Cancel' }));
    expect(confirm).toHaveBeenCalledWith(LEAVE);
    expect(screen.queryByText('elsewhere')).toBeNull();
    expect(screen.getByLabelText('Name')).toHaveValue('Half a name');
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);
  });

  it('asks before Back leaves a half-edited product: stays when told to, leaves when confirmed', async () => {
    const { router } = newProductPage();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'Half a name' } });
    await act(() => router.navigate(-1)); // the browser's Back button
    expect(confirm).toHaveBeenCalledExactlyOnceWith(LEAVE);
    expect(router.state.location.pathname).toBe('/vendor/products/new');
    expect(screen.getByLabelText('Name')).toHaveValue('Half a name');

    confirm.mockReturnValue(true);
    await act(() => router.navigate(-1));
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(await screen.findByText('elsewhere')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/vendor/products');
  });

  it('goes to the product list without asking once the product is saved', async () => {
    const { calls, router } = newProductPage();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'Moss terrarium' } });
    fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'plants' } });
    fireEvent.change(screen.getByLabelText('Price'), { target: { value: '34.50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create product' }));
    expect(await screen.findByText('elsewhere')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/vendor/products');
    expect(calls.filter((c) => c.url === '/api/products')).toHaveLength(1);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('refuses a file that is not an image, saying so', async () => {
    newProductPage();
    await screen.findByLabelText('Name');
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    const notes = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    fireEvent.change(input, { target: { files: [notes] } });
    expect(screen.getByTestId('refused-files')).toHaveTextContent(
      '“notes.txt” is not an image: choose a JPEG, PNG, WebP or GIF file.',
    );
  });
});
