import { ApiSetup } from './api';
import { StoryFixtures, type StoryUser } from './fixtures';
import type { Mailbox } from './mailbox';
import type { RunningServer } from './server';

/**
 * A fixed little marketplace for the vendor UI and visual specs: the same
 * people, shop, products (in the same order, so with the same ids) and
 * images on every run, so that pages render the same.
 */
export const SEED = {
  vendor: {
    name: 'Vera Vendor',
    email: 'vera@example.test',
    password: 'vendor-password-1',
    role: 'vendor',
  } satisfies StoryUser,
  /** Has a delivered order (Moss terrarium, Glass dome) and a cart. */
  buyer: {
    name: 'Bo Buyer',
    email: 'bo@example.test',
    password: 'buyer-password-1',
    role: 'buyer',
  } satisfies StoryUser,
  /** Has a paid order the vendor has not handled yet. */
  newCustomer: {
    name: 'Cy Customer',
    email: 'cy@example.test',
    password: 'buyer-password-2',
    role: 'buyer',
  } satisfies StoryUser,
  shop: {
    name: 'Moss & Fern',
    color: '#2f7d4f',
    about: 'Tiny gardens under glass, planted by hand.',
  },
  /** Oldest first. */
  products: [
    {
      name: 'Moss terrarium',
      category: 'plants',
      priceCents: 3450,
      inventory: 7,
      rgb: [60, 140, 80],
    },
    { name: 'Glass dome', category: 'home', priceCents: 2200, inventory: 12, rgb: [90, 150, 200] },
    {
      name: 'Fern seedling',
      category: 'plants',
      priceCents: 850,
      inventory: 30,
      rgb: [120, 180, 60],
    },
    { name: 'Pebble set', category: 'home', priceCents: 600, inventory: 3, rgb: [150, 150, 150] },
    {
      name: 'Cork stopper jar',
      category: 'home',
      priceCents: 1500,
      inventory: 9,
      rgb: [190, 140, 90],
    },
    {
      name: 'Mini watering can',
      category: 'kitchen',
      priceCents: 1900,
      inventory: 5,
      rgb: [200, 80, 70],
    },
  ],
} as const;

export interface Seeded {
  api: ApiSetup;
  fixtures: StoryFixtures;
  shopSlug: string;
  productIds: Record<string, number>;
  /** The buyer's delivered order, and the new customer's paid one. */
  deliveredOrderId: number;
  paidOrderId: number;
}

/** Makes SEED on a fresh server through the API. */
export async function seed(server: RunningServer, mailbox: Mailbox): Promise<Seeded> {
  const api = new ApiSetup(server.url, mailbox);
  const fixtures = new StoryFixtures(server.url, 60, mailbox);
  const token = await api.register(
    SEED.vendor.email,
    SEED.vendor.password,
    SEED.vendor.name,
    'vendor',
  );
  const cover = await api.upload(token, [47, 125, 79], 1200, 400);
  const logo = await api.upload(token, [240, 220, 120], 400, 400);
  const shop = await api.request<{ slug: string }>('POST', '/api/shops', token, {
    name: SEED.shop.name,
    accent_color: SEED.shop.color,
    description: SEED.shop.about,
    cover_image_id: cover.id,
    logo_image_id: logo.id,
  });
  const productIds: Record<string, number> = {};
  for (const product of SEED.products) {
    const image = await api.upload(token, [...product.rgb]);
    const made = await api.request<{ id: number }>('POST', '/api/products', token, {
      name: product.name,
      description: `A ${product.name.toLowerCase()}, made by hand in small numbers.`,
      category: product.category,
      price_cents: product.priceCents,
      inventory: product.inventory,
      images: [{ image_id: image.id, alt_text: product.name }],
    });
    productIds[product.name] = made.id;
  }
  await fixtures.ensureOrdered(SEED.buyer, { 'Moss terrarium': 1, 'Glass dome': 2 });
  await fixtures.ensureOrderStatus(SEED.buyer, SEED.vendor, SEED.shop.name, 'delivered');
  await fixtures.ensureOrdered(SEED.newCustomer, { 'Pebble set': 1 });
  // The buyer's next cart (ensureCart leaves the carts of buyers who ordered alone).
  const buyerToken = await fixtures.token(SEED.buyer);
  for (const [name, quantity] of [
    ['Fern seedling', 2],
    ['Cork stopper jar', 1],
  ] as const)
    await api.request('POST', '/api/cart/items', buyerToken, {
      product_id: productIds[name],
      quantity,
    });
  const [delivered] = await fixtures.orders(SEED.buyer);
  const [paid] = await fixtures.orders(SEED.newCustomer);
  return {
    api,
    fixtures,
    shopSlug: shop.slug,
    productIds,
    deliveredOrderId: delivered.id,
    paidOrderId: paid.id,
  };
}
