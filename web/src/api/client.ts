import { ApiError, NetworkError, type Problem } from './errors';
import type { Session } from './types';

export interface Tokens {
  access: string;
  refresh: string;
}

/** Where the client keeps the session's tokens. */
export interface TokenStore {
  get(): Tokens | null;
  set(tokens: Tokens | null): void;
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
}

export interface ClientOptions {
  tokens: TokenStore;
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
 * The one HTTP client of the app: JSON in and out, problem+json errors as
 * ApiError, the bearer token on every request, and a silent token refresh on
 * a 401. Refresh tokens are single-use, so concurrent requests share one
 * refresh in flight.
 */
export class ApiClient {
  private readonly options: ClientOptions;
  private refreshing: Promise<boolean> | null = null;

  constructor(options: ClientOptions) {
    this.options = options;
  }

  get tokens(): TokenStore {
    return this.options.tokens;
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
    const sentAccess = this.options.tokens.get()?.access ?? null;
    let response = await this.send(method, path, options, sentAccess);
    if (response.status === 401 && sentAccess) {
      // Another request may have refreshed already; otherwise refresh now.
      const current = this.options.tokens.get()?.access ?? null;
      const renewed = current && current !== sentAccess ? true : await this.refresh();
      if (renewed) {
        response = await this.send(
          method,
          path,
          options,
          this.options.tokens.get()?.access ?? null,
        );
      }
    }
    return this.parse<T>(response);
  }

  /** Exchanges the refresh token for new tokens; one exchange at a time. */
  refresh(): Promise<boolean> {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async doRefresh(): Promise<boolean> {
    const tokens = this.options.tokens.get();
    if (!tokens) return false;
    let response: Response;
    try {
      response = await this.send(
        'POST',
        '/api/auth/refresh',
        { body: { refresh_token: tokens.refresh } },
        null,
      );
    } catch {
      return false; // offline: keep the session, the caller sees its 401
    }
    if (!response.ok) {
      this.options.tokens.set(null);
      this.options.onSessionExpired?.();
      return false;
    }
    const session = (await response.json()) as Session;
    this.options.tokens.set({ access: session.access_token, refresh: session.refresh_token });
    return true;
  }

  private async send(
    method: string,
    path: string,
    options: RequestOptions,
    access: string | null,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
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

  private async parse<T>(response: Response): Promise<T> {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
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
      const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
      throw new ApiError(response.status, problem, retryAfter);
    }
    return data as T;
  }
}
