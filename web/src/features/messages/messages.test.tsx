import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Conversation, Message, MessageInput } from '../../lib/api/types';
import { json, mockFetch } from '../../test/fetchMock';
import { image, shop, signedIn, user } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { MessageForm } from './components/MessageForm';
import { UnreadMessagesLink } from './components/UnreadMessagesLink';
import { InboxPage } from './pages/InboxPage';
import { NewConversationPage } from './pages/NewConversationPage';
import { ThreadPage } from './pages/ThreadPage';

const message = (
  id: number,
  body: string,
  mine: boolean,
  extra: Partial<Message> = {},
): Message => ({
  id,
  conversation_id: 7,
  sender: mine ? { id: user.id, display_name: 'Bo' } : { id: 40, display_name: 'Vera' },
  from: mine ? 'buyer' : 'vendor',
  mine,
  body,
  images: [],
  created_at: '2026-11-01T10:00:00Z',
  ...extra,
});

const conversation = (extra: Partial<Conversation> = {}): Conversation => ({
  id: 7,
  role: 'buyer',
  shop,
  buyer: { id: user.id, display_name: 'Bo' },
  product: { id: 9, name: 'Moss terrarium' },
  order_id: null,
  unread: 0,
  read_up_to: 0,
  other_read_up_to: 0,
  last_message: message(2, 'Yes, three left.', false),
  last_message_at: '2026-11-01T10:00:00Z',
  created_at: '2026-11-01T09:00:00Z',
  ...extra,
});

const page = <T,>(items: T[]) => ({ items, page: 1, limit: 20, total: items.length, pages: 1 });

describe('InboxPage', () => {
  it('lists my threads, as buyer and as vendor, with their unread counts', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/conversations': () =>
        json(
          page([
            conversation({ unread: 2 }),
            conversation({
              id: 8,
              role: 'vendor',
              buyer: { id: 50, display_name: 'Ann' },
              product: null,
              order_id: 21,
              last_message: message(5, 'Where is it?', false),
            }),
          ]),
        ),
    });
    renderPage(<InboxPage />, { url: '/messages' });
    const list = await screen.findByRole('list', { name: 'Conversations' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('Moss & Fern');
    expect(rows[0]).toHaveTextContent('Moss terrarium');
    expect(within(rows[0]).getByTestId('thread-unread')).toHaveTextContent('2 unread');
    expect(within(rows[0]).getByRole('link')).toHaveAttribute('href', '/messages/7');
    expect(rows[1]).toHaveTextContent('Ann');
    expect(rows[1]).toHaveTextContent('Order #21');
    expect(within(rows[1]).queryByTestId('thread-unread')).toBeNull();
  });

  it('says so when there are none', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/conversations': () => json(page([])),
    });
    renderPage(<InboxPage />, { url: '/messages' });
    expect(await screen.findByText('No messages yet')).toBeInTheDocument();
  });
});

describe('ThreadPage', () => {
  const thread = (unread: number) => ({
    ...conversation({ unread }),
    messages: page([
      message(2, 'Yes, three left.', false, { images: [image(31)] }),
      message(1, 'Is it in stock?', true),
    ]),
  });

  it('shows the messages oldest first with their images, and reads the thread', async () => {
    signedIn();
    const { calls } = mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/conversations/7': () => json(thread(1)),
      'POST /api/conversations/7/read': () => json(conversation()),
    });
    renderPage(<ThreadPage />, { url: '/messages/7', path: '/messages/:id' });
    const list = await screen.findByRole('list', { name: 'Messages' });
    const items = within(list).getAllByTestId('message');
    expect(items[0]).toHaveTextContent('Is it in stock?');
    expect(items[0]).toHaveTextContent('You');
    expect(items[1]).toHaveTextContent('Yes, three left.');
    expect(within(items[1]).getByRole('img', { name: 'Image 1 from Vera' })).toHaveAttribute(
      'src',
      '/media/31/s.webp',
    );
    await waitFor(() =>
      expect(calls.find((c) => c.url === '/api/conversations/7/read')?.body).toEqual({
        message_id: 2,
      }),
    );
  });

  it('sends a reply with an Idempotency-Key', async () => {
    signedIn();
    const { calls } = mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/conversations/7': () => json(thread(0)),
      'POST /api/conversations/7/messages': () =>
        json({ conversation: conversation(), message: message(3, 'Thanks!', true) }, 201),
    });
    renderPage(<ThreadPage />, { url: '/messages/7', path: '/messages/:id' });
    fireEvent.change(await screen.findByLabelText('Your reply'), {
      target: { value: 'Thanks!' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(screen.getByLabelText('Your reply')).toHaveValue(''));
    const sent = calls.find((c) => c.url === '/api/conversations/7/messages')!;
    expect(sent.body).toEqual({ body: 'Thanks!', image_ids: [] });
    expect(sent.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    // Opening a thread with nothing unread does not mark it again.
    expect(calls.some((c) => c.url === '/api/conversations/7/read')).toBe(false);
  });

  it('answers a thread that is not mine as not found', async () => {
    signedIn();
    mockFetch({ 'GET /api/me': () => json(user) });
    renderPage(<ThreadPage />, { url: '/messages/99', path: '/messages/:id' });
    expect(await screen.findByText('We couldn’t find that conversation')).toBeInTheDocument();
  });
});

describe('MessageForm', () => {
  it('keeps the key of a failed submit for its retry, and takes a new one after success', async () => {
    const keys: string[] = [];
    let fail = true;
    const onSend = vi.fn(async (_input: unknown, key: string) => {
      keys.push(key);
      if (fail) throw new Error('offline');
    });
    render(
      <MessageForm
        label="Your reply"
        submitLabel="Send"
        pending={false}
        error={null}
        onSend={onSend}
      />,
    );
    fireEvent.change(screen.getByLabelText('Your reply'), { target: { value: 'Hi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(keys).toHaveLength(1));
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(keys).toHaveLength(2));
    expect(keys[1]).toBe(keys[0]);
    await waitFor(() => expect(screen.getByLabelText('Your reply')).toHaveValue(''));
    fireEvent.change(screen.getByLabelText('Your reply'), { target: { value: 'Again' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(keys).toHaveLength(3));
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('attaches up to four uploaded images and sends their ids', async () => {
    let next = 60;
    const upload = vi.fn(async () => image(next++));
    const onSend = vi.fn(async (_input: MessageInput, _key: string) => undefined);
    render(
      <MessageForm
        label="Your message"
        submitLabel="Send"
        pending={false}
        error={null}
        onSend={onSend}
        upload={upload}
      />,
    );
    const files = ['a', 'b', 'c', 'd', 'e'].map(
      (name) => new File(['x'], `${name}.png`, { type: 'image/png' }),
    );
    fireEvent.change(screen.getByLabelText(/Attach images/), { target: { files } });
    const attached = await screen.findByRole('list', { name: 'Attached images' });
    await waitFor(() => expect(within(attached).getAllByRole('listitem')).toHaveLength(4));
    expect(screen.getByRole('alert')).toHaveTextContent('at most 4 images');
    fireEvent.click(screen.getByRole('button', { name: 'Remove attachment 2' }));
    fireEvent.change(screen.getByLabelText('Your message'), { target: { value: 'Look' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(onSend).toHaveBeenCalled());
    expect(onSend.mock.calls[0][0]).toEqual({ body: 'Look', image_ids: [60, 62, 63] });
  });
});

describe('NewConversationPage', () => {
  it('writes to the shop about the product and opens the thread', async () => {
    signedIn();
    const { calls } = mockFetch({
      'GET /api/me': () => json(user),
      'POST /api/conversations': () =>
        json({ conversation: conversation(), message: message(1, 'Hello', true) }, 201),
    });
    // renderPage takes a URL only; the link's state is optional (the heading falls back).
    renderPage(<NewConversationPage />, {
      url: '/messages/new?shop=1&product=9',
      path: '/messages/new',
    });
    expect(screen.getByRole('heading', { name: 'Write to the shop' })).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Your message'), { target: { value: 'Hello' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send message' }));
    expect(await screen.findByText('elsewhere')).toBeInTheDocument();
    const sent = calls.find((c) => c.url === '/api/conversations')!;
    expect(sent.body).toEqual({ body: 'Hello', image_ids: [], shop_id: 1, product_id: 9 });
  });
});

describe('Writing to an order’s buyer', () => {
  it('writes in the order’s thread through the order, and opens it', async () => {
    signedIn();
    const { calls } = mockFetch({
      'GET /api/me': () => json({ ...user, role: 'vendor' }),
      'POST /api/orders/12/messages': () =>
        json({ conversation: conversation(), message: message(1, 'Gift-wrapped?', true) }, 201),
    });
    renderPage(<NewConversationPage />, { url: '/messages/new?order=12', path: '/messages/new' });
    expect(screen.getByRole('heading', { name: 'Write to the buyer' })).toBeInTheDocument();
    expect(screen.getByText('About order #12')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Your message'), {
      target: { value: 'Gift-wrapped?' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send message' }));
    expect(await screen.findByText('elsewhere')).toBeInTheDocument();
    const sent = calls.find((c) => c.url === '/api/orders/12/messages')!;
    expect(sent.body).toEqual({ body: 'Gift-wrapped?', image_ids: [] });
    expect(sent.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls.some((c) => c.url === '/api/conversations')).toBe(false);
  });
});

describe('UnreadMessagesLink', () => {
  it('shows how many messages are unread', async () => {
    signedIn();
    mockFetch({ 'GET /api/me/unread-messages': () => json({ count: 3 }) });
    renderPage(<UnreadMessagesLink />);
    const link = await screen.findByRole('link', { name: 'Messages, 3 unread' });
    expect(link).toHaveAttribute('href', '/messages');
    expect(within(link).getByTestId('unread-messages')).toHaveTextContent('3');
  });
});
