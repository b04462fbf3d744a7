// Shapes of the PocketShop JSON API (docs/openapi.json).

export type Role = 'buyer' | 'vendor';

export interface User {
  id: number;
  email: string;
  display_name: string;
  role: Role;
  created_at: string;
}

export interface Session {
  user: User;
  access_token: string;
  /** Only for API clients; the app gets it as an HttpOnly cookie instead. */
  refresh_token?: string;
  token_type: 'Bearer';
  expires_in: number;
}

export interface RegisterInput {
  email: string;
  password: string;
  display_name: string;
  role: Role;
  cart_token?: string;
}

export interface LoginInput {
  email: string;
  password: string;
  cart_token?: string;
}

export interface Image {
  id: number;
  width: number;
  height: number;
  urls: { small: string; medium: string; large: string };
}

export interface ProductImage extends Image {
  alt_text?: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
  pages: number;
}

export interface ShopSummary {
  id: number;
  slug: string;
  name: string;
  accent_color: string;
}

export interface Shop extends ShopSummary {
  description: string;
  logo: Image | null;
  cover: Image | null;
  shipping_policy: string;
  returns_policy: string;
  product_count: number;
  created_at: string;
  updated_at: string;
}

/** A shop as the directory (GET /api/shops) lists it: with a preview of its products. */
export interface ShopListItem extends Shop {
  /** The shop's newest products on sale, newest first: at most four. */
  products: ProductSummary[];
}

/** A shop's own page (GET /api/shops/{slug}): with the first page of its products. */
export interface ShopWithProducts extends Shop {
  products: ProductPage;
}

export interface ShopInput {
  name?: string;
  slug?: string;
  description?: string;
  accent_color?: string;
  logo_image_id?: number | null;
  cover_image_id?: number | null;
  shipping_policy?: string;
  returns_policy?: string;
}

export type ShopSort = 'newest' | 'products' | 'name';

export type ProductStatus = 'active' | 'draft';

/** A product as lists and carts show it: no description, only the main image. */
export interface ProductSummary {
  id: number;
  shop: ShopSummary;
  name: string;
  category: string;
  price_cents: number;
  currency: string;
  inventory: number;
  in_stock: boolean;
  status: ProductStatus;
  image: ProductImage | null;
  rating_average?: number | null;
  rating_count?: number;
  created_at: string;
  updated_at: string;
}

/** The product page: the summary with its description and every image. */
export interface Product extends ProductSummary {
  description: string;
  images: ProductImage[];
}

export interface Facet {
  value: string;
  count: number;
}

export interface ProductPage extends Page<ProductSummary> {
  facets?: { category?: Facet[] };
  /** `after` for the following page (null on the last). The server sends
   * page: null for a page asked for with `after`; this app numbers pages. */
  next?: string | null;
}

export type ProductSort = 'relevance' | 'newest' | 'price_asc' | 'price_desc';

export interface ProductQuery {
  q?: string;
  shop?: string;
  category?: string;
  min_price?: number;
  max_price?: number;
  in_stock?: boolean;
  sort?: ProductSort;
  page?: number;
  after?: string;
  limit?: number;
  status?: ProductStatus;
}

export interface ProductInput {
  name?: string;
  description?: string;
  category?: string;
  price_cents?: number;
  currency?: string;
  inventory?: number;
  status?: ProductStatus;
  images?: { image_id: number; alt_text?: string }[];
}

// Cart

export interface CartProduct {
  id: number;
  name: string;
  image: ProductImage | null;
  price_cents: number;
  currency: string;
  inventory: number;
  shop: ShopSummary;
}

export interface CartItem {
  product: CartProduct;
  quantity: number;
  unit_price_cents: number;
  line_total_cents: number;
  warning: string | null;
}

export interface CartShopGroup {
  shop: ShopSummary;
  subtotal_cents: number;
  items: CartItem[];
}

export interface Cart {
  items: CartItem[];
  shops: CartShopGroup[];
  total_cents: number;
  /** null when the cart mixes currencies */
  currency: string | null;
  item_count: number;
  warnings: string[];
}

// Checkout and orders

export interface Card {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
}

export interface Address {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  postal_code: string;
  country: string;
}

export interface CheckoutInput {
  card: Card;
  shipping_address: Address;
}

export type OrderStatus =
  'paid' | 'processing' | 'shipped' | 'delivered' | 'cancelled' | 'refunded';

export interface OrderItem {
  product_id: number;
  name: string;
  unit_price_cents: number;
  quantity: number;
  line_total_cents: number;
}

export interface OrderEvent {
  status: OrderStatus;
  note?: string | null;
  actor?: 'buyer' | 'vendor' | 'system' | null;
  at: string;
}

export interface Order {
  id: number;
  checkout_id?: number;
  shop: ShopSummary;
  buyer: { id: number; display_name: string };
  status: OrderStatus;
  payment_status?: 'authorized' | 'captured' | 'voided' | 'refunded';
  total_cents: number;
  currency: string;
  items: OrderItem[];
  shipping_address: Address;
  carrier?: string | null;
  tracking_number?: string | null;
  cancel_reason?: string | null;
  /** Whether the signed-in user may cancel it now. */
  can_cancel?: boolean;
  events: OrderEvent[];
  created_at: string;
}

export interface Payment {
  id: number;
  status: string;
  amount_cents: number;
  currency: string;
  card_brand: string;
  card_last4: string;
}

export interface CheckoutResult {
  checkout_id: number;
  total_cents: number;
  currency: string;
  payment: Payment;
  orders: Order[];
}

// Vendor dashboard

export interface Dashboard {
  currency: string;
  revenue_by_day: { date: string; revenue_cents: number; orders: number }[];
  top_products: { product_id: number; name: string; units: number; revenue_cents: number }[];
  low_stock: { product_id: number; name: string; inventory: number }[];
}

// Reviews

export interface Review {
  id: number;
  product_id?: number;
  rating: number;
  body: string;
  author?: { id: number; display_name: string };
  reply: string | null;
  replied_at?: string | null;
  created_at: string;
  updated_at?: string;
}
