import { describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { ApiClient, toQueryString } from './client';
import { ApiError, NetworkError, SessionEndedError, errorMessage } from './errors';

/** An access token in memory; `flag` stands for the stored "may resume" flag. */
function memoryStores(initial: string | null = null, cart: string | null = null, flag = false) {
  let access = initial;
  let resumable = flag || initial !== null;
  let cartToken = cart;
  return {
    session: {
      get: () => access,
      set: (token: string | null) => {
        access = token;
        resumable = token !== null;
      },
      resumable: () => resumable,
    },
    cartToken: { get: () => cartToken, set: (v: string | null) => (cartToken = v) },
  };
}

const session = (n: number) => ({
  user: { id: 1, email: 'a@b.c', display_name: 'A', role: 'buyer', created_at: '' },
  access_token: `access-${n}`,
  token_type: 'Bearer',
  expires_in: 900,
});

/** Answers 401 unless the request carries the given access token. */
const guarded = (token: string, body: unknown) => (call: { headers: Record<string, string> }) =>
  call.headers.Authorization === `Bearer ${token}`
    ? json(body)
    : json({ title: 'Unauthorized', status: 401, detail: 'Expired token' }, 401);

describe('ApiClient', () => {
  it('sends JSON with the bearer token and parses the answer', async () => {
    const { calls } = mockFetch({ 'POST /api/shops': () => json({ id: 7 }, 201) });
    const client = new ApiClient(memoryStores('a1'));
    const shop = await client.post<{ id: number }>('/api/shops', { name: 'Moss' });
    expect(shop).toEqual({ id: 7 });
    expect(calls[0].headers.Authorization).toBe('Bearer a1');
    expect(calls[0].headers['Content-Type']).toBe('application/json');
    expect(calls[0].body).toEqual({ name: 'Moss' });
  });

  it('builds query strings without empty values', () => {
    expect(toQueryString({ q: 'mug', page: 2, shop: '', in_stock: true, x: undefined })).toBe(
      '?q=mug&page=2&in_stock=true',
    );
    expect(toQueryString({})).toBe('');
  });

  it('turns problem+json into an ApiError with field errors', async () => {
    mockFetch({
      'POST /api/auth/register': () =>
        json(
          {
            type: '/problems/validation',
            title: 'Invalid fields',
            status: 422,
            detail: 'One or more fields are invalid.',
            errors: { password: ['must be at least 8 characters'] },
          },
          422,
        ),
    });
    const client = new ApiClient(memoryStores());
    const error = (await client
      .post('/api/auth/register', {})
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.type).toBe('/problems/validation');
    expect(error.fieldErrors.password).toEqual(['must be at least 8 characters']);
    expect(errorMessage(error)).toBe('One or more fields are invalid.');
  });

  it('explains card declines in plain words', async () => {
    mockFetch({
      'POST /api/checkout': () =>
        json(
          {
            title: 'Payment declined',
            status: 402,
            detail: 'Declined',
            decline_code: 'insufficient_funds',
          },
          402,
        ),
    });
    const error = (await new ApiClient(memoryStores())
      .post('/api/checkout', {})
      .catch((e: unknown) => e)) as ApiError;
    expect(error.declineCode).toBe('insufficient_funds');
    expect(errorMessage(error)).toMatch(/insufficient funds/);
  });

  it('reports an unreachable server as a NetworkError', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = (await new ApiClient(memoryStores())
      .get('/api/shops')
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(errorMessage(error)).toMatch(/could not reach/);
  });

  it('refreshes an expired access token once and retries', async () => {
    const { calls } = mockFetch({
      'GET /api/me': guarded('access-2', { id: 1 }),
      'POST /api/auth/refresh': () => json(session(2)),
    });
    const stores = memoryStores('access-1');
    const client = new ApiClient(stores);
    expect(await client.get('/api/me')).toEqual({ id: 1 });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/me',
      'POST /api/auth/refresh',
      'GET /api/me',
    ]);
    // The refresh token is the browser's HttpOnly cookie: no body, the app's header.
    expect(calls[1].body).toBeUndefined();
    expect(calls[1].headers['X-Requested-With']).toBe('pocketshop-web');
    expect(stores.session.get()).toBe('access-2');
  });

  it('after a reload, renews the session from the cookie before the first request', async () => {
    const { calls } = mockFetch({
      'GET /api/cart': guarded('access-2', { items: [] }),
      'GET /api/me': guarded('access-2', { id: 1 }),
      'POST /api/auth/refresh': () => json(session(2)),
    });
    const stores = memoryStores(null, 'guest-cart', true);
    const client = new ApiClient(stores);
    await Promise.all([client.get('/api/cart', { cart: true }), client.get('/api/me')]);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/auth/refresh',
      'GET /api/cart',
      'GET /api/me',
    ]);
    // Sent as the member, never as the guest.
    expect(calls[1].headers['X-Cart-Token']).toBeUndefined();
  });

  it('takes turns with other tabs when refreshing (they share the cookie)', async () => {
    const held: string[] = [];
    vi.stubGlobal('navigator', {
      ...navigator,
      locks: {
        request: async (name: string, exchange: () => Promise<unknown>) => {
          held.push(name);
          return exchange();
        },
      },
    });
    mockFetch({
      'GET /api/me': guarded('access-2', { id: 1 }),
      'POST /api/auth/refresh': () => json(session(2)),
    });
    await new ApiClient(memoryStores('access-1')).get('/api/me');
    expect(held).toEqual(['pocketshop-refresh']);
  });

  it('keeps the session when the server fails to refresh it', async () => {
    mockFetch({
      'GET /api/me': guarded('never', {}),
      'POST /api/auth/refresh': () => json({ title: 'Unavailable', status: 503 }, 503),
    });
    const stores = memoryStores('access-1');
    await new ApiClient(stores).get('/api/me').catch(() => undefined);
    expect(stores.session.get()).toBe('access-1');
  });

  it('shares one refresh among concurrent requests (refresh tokens are single-use)', async () => {
    let refreshes = 0;
    const { calls } = mockFetch({
      'GET /api/me': guarded('access-2', { id: 1 }),
      'GET /api/my/shop': guarded('access-2', { slug: 'moss' }),
      'GET /api/orders': guarded('access-2', { items: [] }),
      'POST /api/auth/refresh': async () => {
        refreshes++;
        await new Promise((r) => setTimeout(r, 10));
        return json(session(2));
      },
    });
    const client = new ApiClient(memoryStores('access-1'));
    const results = await Promise.all([
      client.get('/api/me'),
      client.get('/api/my/shop'),
      client.get('/api/orders'),
    ]);
    expect(results).toEqual([{ id: 1 }, { slug: 'moss' }, { items: [] }]);
    expect(refreshes).toBe(1);
    expect(calls.filter((c) => c.url === '/api/auth/refresh')).toHaveLength(1);
  });

  it('does not refresh again when another request already did', async () => {
    let refreshes = 0;
    mockFetch({
      'GET /api/me': guarded('access-2', { id: 1 }),
      'POST /api/auth/refresh': () => {
        refreshes++;
        return json(session(2));
      },
    });
    const client = new ApiClient(memoryStores('access-1'));
    await client.get('/api/me');
    await client.get('/api/me');
    expect(refreshes).toBe(1);
  });

  it('ends the session when the refresh token is refused', async () => {
    mockFetch({
      'GET /api/me': guarded('never', {}),
      'POST /api/auth/refresh': () =>
        json({ title: 'Unauthorized', status: 401, detail: 'Revoked' }, 401),
    });
    const stores = memoryStores('access-1');
    const onSessionExpired = vi.fn();
    const client = new ApiClient({ ...stores, onSessionExpired });
    const error = (await client.get('/api/me').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(401);
    expect(stores.session.get()).toBeNull();
    expect(stores.session.resumable()).toBe(false);
    expect(onSessionExpired).toHaveBeenCalledOnce();
  });

  it('says a refused session in words for people, never the server’s words for API clients', async () => {
    const developerText = 'Sign in first: send Authorization: Bearer <access token>.';
    mockFetch({
      'GET /api/cart': () => json({ status: 401, detail: developerText }, 401),
      'POST /api/auth/refresh': () => json({ status: 401, detail: 'Revoked' }, 401),
    });
    const ended = await new ApiClient(memoryStores('access-1'))
      .get('/api/cart')
      .catch((e: unknown) => e);
    expect(ended).toBeInstanceOf(SessionEndedError);
    expect(errorMessage(ended)).toBe('Your session has ended. Please sign in again to go on.');
    const guest = await new ApiClient(memoryStores()).get('/api/cart').catch((e: unknown) => e);
    expect(errorMessage(guest)).toBe('Please sign in to go on.');
    expect(errorMessage(guest)).not.toContain('Bearer');
  });

  it('ends the session when a renewed token is refused too (the account is gone)', async () => {
    mockFetch({
      'GET /api/me': () => json({ status: 401, detail: 'The account no longer exists.' }, 401),
      'POST /api/auth/refresh': () => json(session(2)),
    });
    const stores = memoryStores('access-1');
    const onSessionExpired = vi.fn();
    const error = await new ApiClient({ ...stores, onSessionExpired })
      .get('/api/me')
      .catch((e: unknown) => e);
    expect((error as SessionEndedError).reason).toBe('ended');
    expect(stores.session.get()).toBeNull();
    expect(onSessionExpired).toHaveBeenCalledOnce();
  });

  it('keeps the server’s words for a wrong password', async () => {
    mockFetch({
      'POST /api/auth/login': () =>
        json({ status: 401, detail: 'The email or password is incorrect.' }, 401),
    });
    const error = await new ApiClient(memoryStores())
      .post('/api/auth/login', {})
      .catch((e: unknown) => e);
    expect(errorMessage(error)).toBe('The email or password is incorrect.');
  });

  it('does not try to refresh without a session', async () => {
    const { calls } = mockFetch({ 'GET /api/me': guarded('x', {}) });
    await new ApiClient(memoryStores()).get('/api/me').catch(() => undefined);
    expect(calls).toHaveLength(1);
  });

  it('sends the guest cart token on cart requests only when signed out', async () => {
    const { calls } = mockFetch({ 'GET /api/cart': () => json({ items: [] }) });
    const guest = new ApiClient(memoryStores(null, 'cart-123'));
    await guest.get('/api/cart', { cart: true });
    await guest.get('/api/cart');
    expect(calls[0].headers['X-Cart-Token']).toBe('cart-123');
    expect(calls[1].headers['X-Cart-Token']).toBeUndefined();
    const member = new ApiClient(memoryStores('a', 'cart-123'));
    await member.get('/api/cart', { cart: true });
    expect(calls[2].headers['X-Cart-Token']).toBeUndefined();
    expect(calls[2].headers.Authorization).toBe('Bearer a');
  });

  it('sends uploads as multipart form data without a JSON content type', async () => {
    const { calls } = mockFetch({ 'POST /api/uploads': () => json({ id: 1 }, 201) });
    const form = new FormData();
    form.append('file', new Blob(['x'], { type: 'image/png' }), 'x.png');
    await new ApiClient(memoryStores('a')).post('/api/uploads', undefined, { form });
    expect(calls[0].headers['Content-Type']).toBeUndefined();
    expect(calls[0].body).toBe(form);
  });

  it('answers 204 with nothing', async () => {
    mockFetch({ 'DELETE /api/products/1': () => new Response(null, { status: 204 }) });
    expect(await new ApiClient(memoryStores()).delete('/api/products/1')).toBeUndefined();
  });

  it('sends a request once more after the server ended its transaction in a deadlock', async () => {
    let tries = 0;
    const { calls } = mockFetch({
      'POST /api/my/payouts': () =>
        ++tries === 1
          ? json({ type: '/problems/conflict', title: 'Conflict', status: 409 }, 409, {
              'Retry-After': '0',
            })
          : json({ id: 5 }, 201),
    });
    const answer = await new ApiClient(memoryStores('access-1')).post(
      '/api/my/payouts',
      undefined,
      {
        headers: { 'Idempotency-Key': 'k-1' },
      },
    );
    expect(answer).toEqual({ id: 5 });
    expect(calls).toHaveLength(2);
    expect(calls[1].headers['Idempotency-Key']).toBe('k-1');
  });

  it('gives a conflict without Retry-After (a named one) to the caller at once', async () => {
    const { calls } = mockFetch({
      'POST /api/shops': () =>
        json({ type: '/problems/shop-exists', title: 'Conflict', status: 409 }, 409),
    });
    await expect(new ApiClient(memoryStores('access-1')).post('/api/shops', {})).rejects.toThrow(
      ApiError,
    );
    expect(calls).toHaveLength(1);
  });

  it('gives up after one more try', async () => {
    const { calls } = mockFetch({
      'PATCH /api/products/1': () =>
        json({ type: '/problems/conflict', title: 'Conflict', status: 409 }, 409, {
          'Retry-After': '0',
        }),
    });
    const error = await new ApiClient(memoryStores('access-1'))
      .patch('/api/products/1', { name: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(409);
    expect(calls).toHaveLength(2);
  });
});
