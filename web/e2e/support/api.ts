import { makePng } from './images';
import type { Mailbox } from './mailbox';

/** Direct API calls for setting up a scenario faster than through the UI. */
export class ApiSetup {
  /** mailbox: where a new vendor's verification link is read (a shop needs it). */
  constructor(
    private readonly baseUrl: string,
    private readonly mailbox?: Mailbox,
  ) {}

  async request<T>(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...headers,
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined && !(body instanceof FormData)
          ? { 'Content-Type': 'application/json' }
          : {}),
      },
      body: body instanceof FormData ? body : body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async register(email: string, password: string, displayName: string, role: 'buyer' | 'vendor') {
    const session = await this.request<{ access_token: string }>(
      'POST',
      '/api/auth/register',
      undefined,
      {
        email,
        password,
        display_name: displayName,
        role,
      },
    );
    if (role === 'vendor' && this.mailbox) await this.verifyEmail(email);
    return session.access_token;
  }

  /** Follows the verification link mailed to the address, as its owner would. */
  async verifyEmail(email: string) {
    const token = await this.mailbox!.token(email, '/verify-email');
    await this.request('POST', '/api/auth/verify-email', undefined, { token });
  }

  async upload(token: string, color: [number, number, number], width = 600, height = 600) {
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(makePng(width, height, color))], { type: 'image/png' }),
      'image.png',
    );
    return this.request<{ id: number }>('POST', '/api/uploads', token, form);
  }

  async shopWithProduct(options: {
    email: string;
    password: string;
    owner: string;
    shop: string;
    color: string;
    rgb: [number, number, number];
    product: string;
    category: string;
    priceCents: number;
  }) {
    const token = await this.register(options.email, options.password, options.owner, 'vendor');
    const cover = await this.upload(token, options.rgb, 1200, 400);
    const shop = await this.request<{ slug: string }>('POST', '/api/shops', token, {
      name: options.shop,
      accent_color: options.color,
      description: `${options.shop}, made by ${options.owner}.`,
      cover_image_id: cover.id,
    });
    const image = await this.upload(token, options.rgb);
    const product = await this.request<{ id: number }>('POST', '/api/products', token, {
      name: options.product,
      description: `A ${options.product}.`,
      category: options.category,
      price_cents: options.priceCents,
      inventory: 10,
      images: [{ image_id: image.id, alt_text: options.product }],
    });
    return { token, shop, product };
  }
}
