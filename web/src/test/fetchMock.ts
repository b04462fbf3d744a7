import { vi } from 'vitest';

export interface MockCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Responder = (call: MockCall) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': type, ...headers },
  });
}

/**
 * Replaces fetch with a table of "METHOD /path" → responder (the path
 * without its query string); records every call. Unknown routes answer 404.
 */
export function mockFetch(routes: Record<string, Responder>) {
  const calls: MockCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = { ...(init.headers as Record<string, string>) };
    let body: unknown = init.body;
    const form = (headers['Content-Type'] ?? '').startsWith('application/x-www-form-urlencoded');
    if (typeof body === 'string')
      body = form ? Object.fromEntries(new URLSearchParams(body)) : JSON.parse(body);
    const call = { method, url, headers, body };
    calls.push(call);
    const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
    const responder = routes[`${method} ${path}`];
    if (!responder)
      return json({ title: 'Not found', status: 404, detail: `No route ${path}` }, 404);
    return responder(call);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}
