import { ApiError, NetworkError, SessionEndedError, type Problem } from './errors';
import type { Session } from './types';

/**
 * Where the client keeps the session. The access token lives in memory only,
 * and the refresh token in an HttpOnly cookie that no script can read; what
 * may be stored is a flag (no secret) that a session can be resumed with
 * that cookie, so a reload knows to renew the session first.
 */
export interface SessionStore {
  /** The access token; null when there is none in this page. */
  get(): string | null;
  /** Keeps a new access token, or (null) ends the session. */
  set(access: string | null): void;
  /** True while a session cookie may exist: an access token, or the flag. */
  resumable(): boolean;
}

/** Where the client keeps a guest's cart token. */
export interface ValueStore {
  get(): string | null;
  set(value: string | null): void;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  /** Sends the guest cart token when nobody is signed in. */
  cart?: boolean;
  signal?: AbortSignal;
  /** A successful answer's body as text (a CSV download), not parsed as JSON. */
  text?: boolean;
}

export interface ClientOptions {
  session: SessionStore;
  cartToken: ValueStore;
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Called when the session ended because its refresh token was refused. */
  onSessionExpired?: () => void;
}

export function toQueryString(query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Marks the app's requests as its own: the server takes the refresh cookie
 * only with it (a cross-site form cannot send it), and leaves the refresh
 * token out of the JSON answers to a client that sends it.
 */
export const BROWSER_CLIENT_HEADER = { 'X-Requested-With': 'pocketshop-web' };

/**
 * Requests whose 401 is about what was typed (a wrong password), not about a
 * session: their answer is the person's to read.
 */
const isCredentialCheck = (path: string) => path.startsWith('/api/auth/');

/** Runs `exchange` while no other tab of this origin runs one (Web Locks), where supported. */
function oneTabAtATime<T>(name: string, exchange: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request(name, exchange) : exchange();
}

/**
 * The one HTTP client of the app: JSON in and out, problem+json errors as
 * ApiError, the bearer token on every request, and a silent token refresh on
 * a 401 or, after a reload, before the first request. Refresh tokens are
 * single-use, so concurrent requests share one refresh in flight, and tabs
 * (which share the cookie) take turns.
 */
export class ApiClient {
  private readonly options: ClientOptions;
  private refreshing: Promise<boolean> | null = null;

  constructor(options: ClientOptions) {
    this.options = options;
  }

  get session(): SessionStore {
    return this.options.session;
  }

  get cartToken(): ValueStore {
    return this.options.cartToken;
  }

  get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  put<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PUT', path, { ...options, body });
  }

  patch<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PATCH', path, { ...options, body });
  }

  delete<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('DELETE', path, options);
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const { session } = this.options;
    const hadSession = session.resumable();
    // After a reload only the cookie is left: renew the session before the
    // first request, so that it is not sent as a guest's.
    if (!session.get() && hadSession) await this.refresh();
    const sentAccess = session.get();
    let response = await this.send(method, path, options, sentAccess);
    let refusedRenewed = false;
    if (response.status === 401 && sentAccess) {
      // Another request may have refreshed already; otherwise refresh now.
      const current = session.get();
      const renewed = current && current !== sentAccess ? true : await this.refresh();
      if (renewed) {
        response = await this.send(method, path, options, session.get());
        refusedRenewed = response.status === 401; // the account is gone
      }
    }
    if (isTransactionConflict(response)) {
      // The database ended this request's transaction to break a deadlock
      // with another one; nothing of it was kept, so it is sent once more.
      await sleep(retryDelayMs(response));
      response = await this.send(method, path, options, session.get());
    }
    if (response.status === 401 && !isCredentialCheck(path)) {
      if (refusedRenewed) this.endSession();
      // A refresh the server failed (not refused) keeps the session for a retry.
      const reason = session.resumable() ? 'unconfirmed' : hadSession ? 'ended' : 'signed-out';
      throw new SessionEndedError(reason);
    }
    return this.parse<T>(response, options);
  }

  /** Forgets the session and tells the app, once (a refresh refused did it already). */
  private endSession() {
    if (!this.options.session.resumable()) return;
    this.options.session.set(null);
    this.options.onSessionExpired?.();
  }

  /** Exchanges the refresh cookie for a new access token; one exchange at a time. */
  refresh(): Promise<boolean> {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async doRefresh(): Promise<boolean> {
    const { session } = this.options;
    if (!session.resumable()) return false;
    let response: Response;
    try {
      // No body: the server takes the token from the cookie.
      response = await oneTabAtATime('pocketshop-refresh', () =>
        this.send('POST', '/api/auth/refresh', {}, null),
      );
    } catch {
      return false; // offline: keep the session, the caller sees its 401
    }
    if (response.status >= 400 && response.status < 500) {
      this.endSession();
      return false;
    }
    if (!response.ok) return false; // the server's trouble: try again later
    const renewed = (await response.json()) as Session;
    session.set(renewed.access_token);
    return true;
  }

  private async send(
    method: string,
    path: string,
    options: RequestOptions,
    access: string | null,
  ): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...BROWSER_CLIENT_HEADER,
      ...options.headers,
    };
    let body: BodyInit | undefined;
    if (options.form) {
      body = options.form;
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    if (access) headers.Authorization = `Bearer ${access}`;
    if (options.cart && !access) {
      const cartToken = this.options.cartToken.get();
      if (cartToken) headers['X-Cart-Token'] = cartToken;
    }
    const url = `${this.options.baseUrl ?? ''}${path}${toQueryString(options.query)}`;
    const doFetch = this.options.fetch ?? globalThis.fetch.bind(globalThis);
    try {
      return await doFetch(url, { method, headers, body, signal: options.signal });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new NetworkError();
    }
  }

  private async parse<T>(response: Response, options: RequestOptions): Promise<T> {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    if (response.ok && options.text) return text as T;
    let data: unknown = undefined;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = undefined;
      }
    }
    if (!response.ok) {
      const problem: Problem =
        data && typeof data === 'object' ? (data as Problem) : { detail: response.statusText };
      throw new ApiError(response.status, problem, retryAfterSeconds(response));
    }
    return data as T;
  }
}

/** A 409 with Retry-After: the server's word for a transaction it ended and kept nothing of. */
const isTransactionConflict = (response: Response) =>
  response.status === 409 && response.headers.has('Retry-After');

/** Retry-After in seconds, when the response carries a usable one (we send only delta-seconds). */
function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get('Retry-After');
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/** What Retry-After asks for, at most two seconds (a person is waiting). */
function retryDelayMs(response: Response): number {
  const seconds = retryAfterSeconds(response);
  return seconds === undefined ? 1000 : Math.min(seconds, 2) * 1000;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
