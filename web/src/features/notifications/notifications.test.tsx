import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Notification } from '../../lib/api/types';
import { json, mockFetch } from '../../test/fetchMock';
import { signedIn } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { NotificationBell } from './components/NotificationBell';

const shipped: Notification = {
  id: 7,
  kind: 'order_shipped',
  title: 'Order #12 has shipped',
  body: 'UPS, tracking 1Z999',
  link: '/orders/12',
  created_at: '2026-12-04T10:00:00Z',
  read_at: null,
};
const reply: Notification = {
  ...shipped,
  id: 6,
  kind: 'review_reply',
  title: 'Moss & Fern replied to your review',
  body: '',
  link: '/products/3#reviews',
  read_at: '2026-12-04T09:00:00Z',
};

function bellServer(unread: number) {
  return mockFetch({
    'GET /api/me/notifications/unread-count': () => json({ unread }),
    'GET /api/me/notifications': () =>
      json({ items: [shipped, reply], page: 1, limit: 10, total: 2, unread }),
    'POST /api/me/notifications/read': () => json({ marked: unread }),
    'POST /api/me/notifications/7/read': () => new Response(null, { status: 204 }),
  });
}

describe('NotificationBell', () => {
  it('shows the unread count and lists the latest notifications when opened', async () => {
    signedIn();
    bellServer(1);
    renderPage(<NotificationBell />, { path: '/' });
    const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    expect(screen.getByTestId('unread-count').textContent).toBe('1');
    fireEvent.click(bell);
    expect(bell.getAttribute('aria-expanded')).toBe('true');
    const link = await screen.findByRole('link', { name: /Unread:\s*Order #12 has shipped/ });
    expect(link.getAttribute('href')).toBe('/orders/12');
    expect(screen.getByRole('link', { name: /replied to your review/ })).toBeTruthy();
  });

  it('marks an item read when it is opened, and all of them on request', async () => {
    signedIn();
    const { calls } = bellServer(1);
    renderPage(<NotificationBell />, { path: '/' });
    fireEvent.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Mark all read' }));
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/notifications/read'))).toBe(
        true,
      ),
    );
    fireEvent.click(await screen.findByRole('link', { name: /Order #12 has shipped/ }));
    await waitFor(() =>
      expect(calls.some((c) => c.url.endsWith('/api/me/notifications/7/read'))).toBe(true),
    );
    expect(await screen.findByText('elsewhere')).toBeTruthy(); // followed the link
  });

  it('closes on Escape and gives focus back to the bell', async () => {
    signedIn();
    bellServer(0);
    renderPage(<NotificationBell />, { path: '/' });
    const bell = await screen.findByRole('button', { name: 'Notifications, 0 unread' });
    expect(screen.queryByTestId('unread-count')).toBeNull();
    fireEvent.click(bell);
    await screen.findByRole('region', { name: 'Notifications' });
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Notifications' })).toBeNull();
    expect(document.activeElement).toBe(bell);
  });
});
