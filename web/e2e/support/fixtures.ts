import { randomUUID } from 'node:crypto';
import { ApiSetup } from './api';
import type { Mailbox } from './mailbox';

export interface StoryUser {
  name: string;
  email: string;
  password: string;
  role: 'buyer' | 'vendor';
}

interface NamedProduct {
  id: number;
  name: string;
}
interface CartLine {
  product: NamedProduct;
  quantity: number;
}
interface Order {
  id: number;
  status: string;
  shop: { name: string };
  refunded_cents?: number;
}

/** An address that passes checkout. */
export const SHIPPING_ADDRESS = {
  name: 'Bo Buyer',
  line1: '1 Fern Road',
  city: 'Malmö',
  postal_code: '21100',
  country: 'SE',
};

/** The test gateway's cards (docs/gateway.md). */
export const APPROVED_CARD = '4242424242424242';
export const DISPUTED_CARD = '4000000000000259';

/**
 * A single-use token for a test card, made where a browser makes it: at the
 * gateway's tokenizing endpoint, never at /api.
 */
export async function cardToken(baseUrl: string, number = APPROVED_CARD): Promise<string> {
  const config = (await (await fetch(`${baseUrl}/api/payments/config`)).json()) as {
    tokens_url: string;
    publishable_key: string;
  };
  const answer = await fetch(config.tokens_url, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${config.publishable_key}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      'card[number]': number,
      'card[exp_month]': '12',
      'card[exp_year]': '2034',
      'card[cvc]': '123',
    }).toString(),
  });
  const token = (await answer.json()) as { id?: string };
  if (!answer.ok || !token.id)
    throw new Error(`the gateway refused the test card: ${answer.status}`);
  return token.id;
}

/**
 * What a step of the story needs before it starts, made through the API only
 * when the earlier step that makes it through the UI did not get that far:
 * a step that passed leaves nothing to do here, and one that failed does not
 * make every later step fail with it. Each `ensure` checks the state first.
 */
export class StoryFixtures {
  private readonly api: ApiSetup;
  private readonly tokens = new Map<string, { token: string; at: number }>();

  /**
   * accessTokenSeconds: how long the server accepts an access token;
   * mailbox: where vendors made here read their verification link.
   */
  constructor(
    private readonly baseUrl: string,
    private readonly accessTokenSeconds: number,
    mailbox?: Mailbox,
  ) {
    this.api = new ApiSetup(baseUrl, mailbox);
  }

  /**
   * An access token of the user's, from an API session apart from the
   * browser's; signs the user up first when the account is missing.
   */
  async token(user: StoryUser): Promise<string> {
    const cached = this.tokens.get(user.email);
    if (cached && Date.now() - cached.at < (this.accessTokenSeconds * 1000) / 2)
      return cached.token;
    const login = { email: user.email, password: user.password };
    const token = await this.api
      .request<{ access_token: string }>('POST', '/api/auth/login', '', login)
      .then((session) => session.access_token)
      .catch(() => this.api.register(user.email, user.password, user.name, user.role));
    this.tokens.set(user.email, { token, at: Date.now() });
    return token;
  }

  async ensureVendorShop(vendor: StoryUser, shop: { name: string; color: string; about: string }) {
    const token = await this.token(vendor);
    const found = await this.api.request('GET', '/api/my/shop', token).catch(() => null);
    if (found) return;
    const me = await this.api.request<{ email_verified: boolean }>('GET', '/api/me', token);
    if (!me.email_verified) await this.api.verifyEmail(vendor.email);
    await this.api.request('POST', '/api/shops', token, {
      name: shop.name,
      accent_color: shop.color,
      description: shop.about,
    });
  }

  async ensureVendorProduct(
    vendor: StoryUser,
    product: { name: string; category: string; priceCents: number; inventory: number },
  ): Promise<number> {
    const token = await this.token(vendor);
    const mine = await this.api.request<{ items: NamedProduct[] }>(
      'GET',
      `/api/my/products?q=${encodeURIComponent(product.name)}`,
      token,
    );
    const found = mine.items.find((p) => p.name === product.name);
    if (found) return found.id;
    const front = await this.api.upload(token, [60, 140, 80]);
    const detail = await this.api.upload(token, [200, 120, 60]);
    const made = await this.api.request<NamedProduct>('POST', '/api/products', token, {
      name: product.name,
      description: `${product.name}, set up by the test.`,
      category: product.category,
      price_cents: product.priceCents,
      inventory: product.inventory,
      images: [
        { image_id: front.id, alt_text: product.name },
        { image_id: detail.id, alt_text: `${product.name}, detail` },
      ],
    });
    return made.id;
  }

  async productId(name: string): Promise<number> {
    const page = await this.api.request<{ items: NamedProduct[] }>(
      'GET',
      `/api/products?q=${encodeURIComponent(name)}`,
    );
    const found = page.items.find((p) => p.name === name);
    if (!found) throw new Error(`no product named ${name}`);
    return found.id;
  }

  /** The buyer's cart holds exactly these quantities, unless they have ordered already. */
  async ensureCart(buyer: StoryUser, quantities: Record<string, number>) {
    const token = await this.token(buyer);
    if ((await this.orders(buyer)).length > 0) return;
    const cart = await this.api.request<{ items: CartLine[] }>('GET', '/api/cart', token);
    for (const [name, quantity] of Object.entries(quantities)) {
      const line = cart.items.find((item) => item.product.name === name);
      if (line?.quantity === quantity) continue;
      const id = await this.productId(name);
      if (line) await this.api.request('PUT', `/api/cart/items/${id}`, token, { quantity });
      else await this.api.request('POST', '/api/cart/items', token, { product_id: id, quantity });
    }
  }

  async orders(buyer: StoryUser): Promise<Order[]> {
    const token = await this.token(buyer);
    return (await this.api.request<{ items: Order[] }>('GET', '/api/orders', token)).items;
  }

  /** The buyer has paid for the cart (one order per shop). */
  async ensureOrdered(buyer: StoryUser, quantities: Record<string, number>) {
    if ((await this.orders(buyer)).length > 0) return;
    await this.ensureCart(buyer, quantities);
    const checkout = {
      payment_token: await cardToken(this.baseUrl),
      shipping_address: SHIPPING_ADDRESS,
    };
    await this.api.request('POST', '/api/checkout', await this.token(buyer), checkout, {
      'Idempotency-Key': randomUUID(),
    });
  }

  /** The buyer's order from `shop` has come at least as far as `status`. */
  async ensureOrderStatus(
    buyer: StoryUser,
    vendor: StoryUser,
    shop: string,
    status: 'shipped' | 'delivered',
  ) {
    const order = (await this.orders(buyer)).find((o) => o.shop.name === shop);
    if (!order) throw new Error(`the buyer has no order from ${shop}`);
    const token = await this.token(vendor);
    if (order.status === 'paid' || order.status === 'processing') {
      await this.api.request('POST', `/api/orders/${order.id}/ship`, token, {
        carrier: 'PostNord',
        tracking_number: 'PN123456789SE',
      });
    }
    if (status === 'delivered' && order.status !== 'delivered')
      await this.api.request('POST', `/api/orders/${order.id}/deliver`, token);
  }

  /** The buyer's order from `shop` has had `quantity` of `product` refunded, if nothing was yet. */
  async ensurePartlyRefunded(
    buyer: StoryUser,
    vendor: StoryUser,
    shop: string,
    product: string,
    quantity: number,
  ) {
    const order = (await this.orders(buyer)).find((o) => o.shop.name === shop);
    if (!order) throw new Error(`the buyer has no order from ${shop}`);
    if ((order.refunded_cents ?? 0) > 0) return;
    const items = [{ product_id: await this.productId(product), quantity }];
    await this.api.request(
      'POST',
      `/api/orders/${order.id}/refunds`,
      await this.token(vendor),
      { items, reason: 'One arrived cracked' },
      { 'Idempotency-Key': randomUUID() },
    );
  }

  /** What the vendor may be paid out now, in US cents (once held earnings are released). */
  async availableCents(vendor: StoryUser): Promise<number> {
    const { balances } = await this.api.request<{
      balances: { currency: string; available_cents: number }[];
    }>('GET', '/api/my/balance', await this.token(vendor));
    return balances.find((b) => b.currency === 'USD')?.available_cents ?? 0;
  }
}
