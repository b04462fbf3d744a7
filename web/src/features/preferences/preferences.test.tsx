import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NotificationPreferences } from '../../lib/api/types';
import { json, mockFetch } from '../../test/fetchMock';
import { signedIn, user } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { NotificationPreferencesForm } from './components/NotificationPreferencesForm';
import { UnsubscribePage } from './pages/UnsubscribePage';

const allOn: NotificationPreferences = {
  marketing: true,
  messages: true,
  order_updates: true,
  review_invitations: true,
  favorites: true,
};

describe('NotificationPreferencesForm', () => {
  it('shows each topic and saves the choices', async () => {
    signedIn();
    const { calls } = mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/me/notification-preferences': () => json(allOn),
      'PUT /api/me/notification-preferences': (call) =>
        json({ ...allOn, ...(call.body as Partial<NotificationPreferences>) }),
    });
    renderPage(<NotificationPreferencesForm />);
    const news = await screen.findByRole('checkbox', { name: 'News' });
    expect(news).toBeChecked();
    expect(news).toHaveAccessibleDescription('News and offers from the marketplace.');
    fireEvent.click(news);
    fireEvent.click(screen.getByRole('button', { name: 'Save preferences' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ ...allOn, marketing: false });
    expect(screen.getByRole('checkbox', { name: 'News' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'New messages' })).toBeChecked();
  });
});

describe('UnsubscribePage', () => {
  it('asks, then posts the token once, signed in or not', async () => {
    const { calls } = mockFetch({
      'POST /api/mail/unsubscribe': () => new Response(null, { status: 204 }),
    });
    renderPage(<UnsubscribePage />, { url: '/unsubscribe?token=7.marketing.abc123' });
    expect(await screen.findByText('Stop the mails about news?')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Unsubscribe' }));
    expect(await screen.findByRole('status')).toHaveTextContent('no more mails about news');
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0].url).toContain('token=7.marketing.abc123');
  });
});
