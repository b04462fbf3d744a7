import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import type { Image, Order, ProductSummary, Shop, ShopListItem } from '../api/types';
import { Field } from './Field';
import { ImageUploader, moveItem, type ImageDraft } from './ImageUploader';
import { OrderTimeline } from './OrderTimeline';
import { RevenueChart } from './RevenueChart';
import { ShopCard } from './ShopCard';

const image = (id: number): Image => ({
  id,
  width: 800,
  height: 800,
  urls: {
    small: `/media/${id}/s.webp`,
    medium: `/media/${id}/m.webp`,
    large: `/media/${id}/l.webp`,
  },
});

describe('Field', () => {
  it('ties the label, help and errors to the control', () => {
    render(
      <Field label="Email" help="We never share it." errors={['is already taken']}>
        {(props) => <input {...props} />}
      </Field>,
    );
    const input = screen.getByLabelText('Email');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('We never share it. is already taken');
  });

  it('is valid without errors', () => {
    render(<Field label="Name">{(props) => <input {...props} />}</Field>);
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-describedby');
  });
});

function Uploader({
  upload,
  initial = [],
}: {
  upload: (f: File) => Promise<Image>;
  initial?: ImageDraft[];
}) {
  const [images, setImages] = useState<ImageDraft[]>(initial);
  return (
    <>
      <ImageUploader images={images} onChange={setImages} upload={upload} max={3} />
      <output data-testid="order">{images.map((d) => d.image.id).join(',')}</output>
    </>
  );
}

const png = (name: string) => new File(['x'], name, { type: 'image/png' });

describe('ImageUploader', () => {
  it('uploads dropped images in order', async () => {
    let next = 10;
    const upload = vi.fn(async () => image(next++));
    render(<Uploader upload={upload} />);
    const zone = screen.getByTestId('drop-zone');
    await act(async () => {
      fireEvent.drop(zone, {
        dataTransfer: { files: [png('a.png'), png('b.png')], types: ['Files'] },
      });
    });
    await waitFor(() => expect(screen.getByTestId('order')).toHaveTextContent('10,11'));
    expect(upload).toHaveBeenCalledTimes(2);
    expect(screen.getByText('Main')).toBeInTheDocument();
  });

  it('uploads images chosen with the file dialog and reports failures', async () => {
    const upload = vi.fn().mockResolvedValueOnce(image(1)).mockRejectedValueOnce(new Error('boom'));
    render(<Uploader upload={upload} />);
    const input = screen.getByLabelText(/Add images/);
    await act(async () => {
      fireEvent.change(input, { target: { files: [png('ok.png'), png('bad.png')] } });
    });
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('bad.png'));
    expect(screen.getByTestId('order')).toHaveTextContent('1');
  });

  it('reorders with the buttons and removes images', () => {
    const initial = [1, 2, 3].map((id) => ({ image: image(id), alt_text: '' }));
    render(<Uploader upload={vi.fn()} initial={initial} />);
    fireEvent.click(screen.getByRole('button', { name: 'Move image 3 earlier' }));
    expect(screen.getByTestId('order')).toHaveTextContent('1,3,2');
    fireEvent.click(screen.getByRole('button', { name: 'Move image 1 later' }));
    expect(screen.getByTestId('order')).toHaveTextContent('3,1,2');
    fireEvent.click(screen.getByRole('button', { name: 'Remove image 2' }));
    expect(screen.getByTestId('order')).toHaveTextContent('3,2');
    expect(screen.getByRole('button', { name: 'Move image 1 earlier' })).toBeDisabled();
  });

  it('refuses more images than allowed', async () => {
    const upload = vi.fn(async () => image(9));
    const initial = [1, 2, 3].map((id) => ({ image: image(id), alt_text: '' }));
    render(<Uploader upload={upload} initial={initial} />);
    expect(screen.getByLabelText(/Add images/)).toBeDisabled();
  });

  it('moves items within bounds', () => {
    expect(moveItem([1, 2, 3], 0, 2)).toEqual([2, 3, 1]);
    expect(moveItem([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
  });
});

const order = (status: Order['status'], events: Order['events']): Order => ({
  id: 5,
  shop: { id: 1, slug: 'moss', name: 'Moss', accent_color: '#2f7d4f' },
  buyer: { id: 2, display_name: 'Bo' },
  status,
  total_cents: 3450,
  currency: 'USD',
  items: [],
  shipping_address: { name: 'Bo', line1: '1 Road', city: 'Town', postal_code: '1', country: 'US' },
  carrier: 'DHL',
  tracking_number: 'TRACK123',
  events,
  created_at: '2026-11-01T10:00:00Z',
});

describe('OrderTimeline', () => {
  it('marks the steps reached and the current one', () => {
    render(
      <OrderTimeline
        order={order('shipped', [
          { status: 'paid', at: '2026-11-01T10:00:00Z' },
          { status: 'shipped', at: '2026-11-02T10:00:00Z' },
        ])}
      />,
    );
    const steps = screen.getAllByRole('listitem');
    expect(steps.map((s) => s.textContent)).toEqual([
      expect.stringContaining('Paid (done)'),
      expect.stringContaining('Processing (done)'),
      expect.stringContaining('Shipped (done)'),
      expect.stringContaining('Delivered (not yet)'),
    ]);
    expect(steps[2]).toHaveAttribute('aria-current', 'step');
    expect(steps[2]).toHaveTextContent('DHL tracking: TRACK123');
  });

  it('shows a cancellation after the steps it reached', () => {
    render(
      <OrderTimeline
        order={order('cancelled', [
          { status: 'paid', at: '2026-11-01T10:00:00Z' },
          { status: 'cancelled', at: '2026-11-01T11:00:00Z', note: 'Changed my mind' },
        ])}
      />,
    );
    const steps = screen.getAllByRole('listitem');
    expect(steps).toHaveLength(2);
    expect(steps[1]).toHaveTextContent('Cancelled');
    expect(steps[1]).toHaveTextContent('Changed my mind');
  });
});

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

const mossShop = { id: 1, slug: 'moss', name: 'Moss & Fern', accent_color: '#2f7d4f' };

const preview = (id: number, name: string, img: Image | null): ProductSummary => ({
  id,
  shop: mossShop,
  name,
  category: 'plants',
  price_cents: 3450,
  currency: 'USD',
  inventory: 3,
  in_stock: true,
  status: 'active',
  image: img && { ...img, alt_text: `${name}, close up` },
  created_at: '2026-11-01T10:00:00Z',
  updated_at: '2026-11-01T10:00:00Z',
});

const plainShop: Shop = {
  ...mossShop,
  description: 'Tiny gardens under glass.',
  logo: null,
  cover: null,
  shipping_policy: '',
  returns_policy: '',
  product_count: 2,
  created_at: '2026-11-01T10:00:00Z',
  updated_at: '2026-11-01T10:00:00Z',
};

const listedShop = (products: ProductSummary[]): ShopListItem => ({ ...plainShop, products });

describe('ShopCard', () => {
  it('links to the shop and to each of its newest products', () => {
    render(
      <MemoryRouter>
        <ShopCard
          shop={listedShop([
            preview(12, 'Moss terrarium', image(5)),
            preview(11, 'Fern jar', null),
          ])}
        />
      </MemoryRouter>,
    );
    const links = screen.getAllByRole('link');
    // The shop first, then its products in the order given (newest first).
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/shops/moss',
      '/products/12',
      '/products/11',
    ]);
    expect(links[0]).toHaveAccessibleName('Moss & Fern');
    expect(links[1]).toHaveAccessibleName('Moss terrarium');
    expect(links[2]).toHaveAccessibleName('Fern jar');

    const list = screen.getByRole('list', { name: 'New from Moss & Fern' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    const thumb = links[1].querySelector('img');
    expect(thumb).toHaveAttribute('src', '/media/5/s.webp');
    expect(thumb).toHaveAttribute('loading', 'lazy');
    expect(thumb).toHaveAttribute('width', '64');
    expect(thumb).toHaveAttribute('height', '64');
    // The product without an image gets a placeholder tile, not a broken image.
    expect(links[2].querySelector('img')).toBeNull();
    expect(links[2].querySelector('.image-placeholder')).toHaveAttribute('aria-hidden', 'true');
  });

  it('shows no product row for a shop without products', () => {
    const { container } = render(
      <MemoryRouter>
        <ShopCard shop={listedShop([])} />
      </MemoryRouter>,
    );
    expect(screen.getAllByRole('link')).toHaveLength(1);
    expect(screen.queryByRole('list')).toBeNull();
    expect(container.querySelector('.shop-card-products')).toBeNull();
  });

  it('shows no product row for a shop that comes without the products field', () => {
    render(
      <MemoryRouter>
        <ShopCard shop={plainShop} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('link')).toHaveAccessibleName('Moss & Fern');
    expect(screen.queryByRole('list')).toBeNull();
  });
});
