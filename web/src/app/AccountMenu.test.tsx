import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { AppProviders } from './AppProviders';
import { json, mockFetch } from '../test/fetchMock';
import { signedIn, user } from '../test/fixtures';

function renderSignedIn() {
  signedIn();
  const fetches = mockFetch({
    'GET /api/me': () => json(user),
    'GET /api/cart': () => json({ items: [], item_count: 0, totals: [] }),
    'GET /api/me/notifications/unread-count': () => json({ unread: 0 }),
    'GET /api/me/unread-messages': () => json({ count: 0 }),
    'GET /api/orders': () => json({ items: [], total: 0, page: 1, pages: 1, limit: 20 }),
    'POST /api/auth/logout': () => new Response(null, { status: 204 }),
  });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  render(
    <MemoryRouter initialEntries={['/shops']}>
      <AppProviders queryClient={queryClient}>
        <App />
      </AppProviders>
    </MemoryRouter>,
  );
  return fetches;
}

describe('The account menu', () => {
  it('holds the orders, the settings and sign-out behind the person’s name', async () => {
    renderSignedIn();
    const toggle = await screen.findByRole('button', {
      name: `Account menu: ${user.display_name}`,
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('link', { name: 'Your orders' })).toBeNull();

    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('link', { name: 'Your orders' })).toHaveAttribute('href', '/orders');
    expect(screen.getByRole('link', { name: 'Favorites' })).toHaveAttribute('href', '/favorites');
    expect(screen.getByRole('link', { name: 'Account' })).toHaveAttribute('href', '/account');

    fireEvent.click(screen.getByRole('link', { name: 'Your orders' }));
    await screen.findByRole('heading', { name: 'Your orders' });
    expect(screen.queryByRole('link', { name: 'Account' })).toBeNull();
  });

  it('closes on Escape, giving focus back to its button, and on a press outside', async () => {
    renderSignedIn();
    const toggle = await screen.findByRole('button', { name: /^Account menu/ });
    fireEvent.click(toggle);
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
    expect(document.activeElement).toBe(toggle);

    fireEvent.click(toggle);
    fireEvent.mouseDown(document.body);
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
  });

  it('signs out', async () => {
    const { calls } = renderSignedIn();
    fireEvent.click(await screen.findByRole('button', { name: /^Account menu/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('link', { name: 'Sign in' });
    expect(screen.queryByTestId('signed-in-as')).toBeNull();
    await waitFor(() =>
      expect(calls.map((c) => `${c.method} ${c.url}`)).toContainEqual(
        expect.stringMatching(/^POST .*\/api\/auth\/logout$/),
      ),
    );
  });

  describe('on a touch screen', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('lists the orders, the settings and sign-out under the name, with no second tap', async () => {
      const matching = new Set(['(max-width: 1023px)']);
      vi.stubGlobal('matchMedia', (query: string) => ({
        matches: matching.has(query),
        addEventListener: () => {},
        removeEventListener: () => {},
      }));
      const { calls } = renderSignedIn();
      expect(await screen.findByTestId('signed-in-as')).toHaveTextContent(user.display_name);
      expect(screen.queryByRole('button', { name: /^Account menu/ })).toBeNull();
      expect(
        screen.getByRole('region', { name: `Signed in as ${user.display_name}` }),
      ).toBeTruthy();
      expect(screen.getByRole('link', { name: 'Your orders' })).toHaveAttribute('href', '/orders');
      expect(screen.getByRole('link', { name: 'Favorites' })).toHaveAttribute('href', '/favorites');
      expect(screen.getByRole('link', { name: 'Account' })).toHaveAttribute('href', '/account');

      fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
      await screen.findByRole('link', { name: 'Sign in' });
      await waitFor(() =>
        expect(calls.map((c) => `${c.method} ${c.url}`)).toContainEqual(
          expect.stringMatching(/^POST .*\/api\/auth\/logout$/),
        ),
      );
    });
  });
});
