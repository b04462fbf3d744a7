import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NotificationPreferences } from '../../lib/api/types';
import { json, mockFetch } from '../../test/fetchMock';
import { signedIn, user } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { NotificationPreferencesForm } from './components/NotificationPreferencesForm';

const allOn: NotificationPreferences = {
  marketing: true,
  messages: true,
  order_updates: true,
  review_invitations: true,
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
