import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MailboxMail } from '../../lib/api/types';
import { json, mockFetch } from '../../test/fetchMock';
import { renderPage } from '../../test/render';
import { MailboxMailPage } from './pages/MailboxMailPage';
import { MailboxPage } from './pages/MailboxPage';

const mail: MailboxMail = {
  id: 3,
  to: 'bo@example.test',
  subject: 'Your order <42>',
  kind: 'order_placed',
  created_at: '2026-12-05T07:00:00Z',
  message_id: 'mail-3.1@pocketshop.test',
  text: 'Thank you for your order',
  html: '<h1>Thank you</h1><script>parent.hacked = true</script>',
};

describe('the development mailbox', () => {
  it('lists the mails, each linked to its page', async () => {
    mockFetch({
      'GET /api/dev/mailbox': () => json({ page: 1, limit: 20, total: 1, pages: 1, items: [mail] }),
    });
    renderPage(<MailboxPage />);
    const link = await screen.findByRole('link', { name: 'Your order <42>' });
    expect(link).toHaveAttribute('href', '/dev/mailbox/3');
    expect(screen.getByTestId('mailbox-row')).toHaveTextContent('bo@example.test');
  });

  it('shows the HTML part in a sandboxed frame, the text part and the .eml link', async () => {
    mockFetch({ 'GET /api/dev/mailbox/3': () => json(mail) });
    renderPage(<MailboxMailPage />, { url: '/dev/mailbox/3', path: '/dev/mailbox/:id' });
    const frame = await screen.findByTitle('HTML part of “Your order <42>”');
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame).toHaveAttribute('srcdoc', mail.html);
    expect(screen.getByTestId('mail-text')).toHaveTextContent('Thank you for your order');
    expect(screen.getByRole('link', { name: 'Download the message (.eml)' })).toHaveAttribute(
      'href',
      '/api/dev/mailbox/3/raw',
    );
  });
});
