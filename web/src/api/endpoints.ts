import type { ApiClient } from './client';
import type {
  Cart,
  CheckoutInput,
  CheckoutResult,
  Dashboard,
  Image,
  LoginInput,
  Order,
  OrderStatus,
  Page,
  Product,
  ProductInput,
  ProductPage,
  ProductQuery,
  RegisterInput,
  Review,
  Session,
  Shop,
  ShopInput,
  ShopListItem,
  ShopSort,
  ShopWithProducts,
  User,
} from './types';

const enc = encodeURIComponent;

/** Every API call of the app, typed; one function per endpoint. */
export function createEndpoints(client: ApiClient) {
  return {
    auth: {
      register: (input: RegisterInput) => client.post<Session>('/api/auth/register', input),
      login: (input: LoginInput) => client.post<Session>('/api/auth/login', input),
      /** Ends the session of the refresh cookie (sent with no body). */
      logout: () => client.post<void>('/api/auth/logout'),
      me: () => client.get<User>('/api/me'),
    },
    shops: {
      list: (query: { q?: string; sort?: ShopSort; page?: number; limit?: number } = {}) =>
        client.get<Page<ShopListItem>>('/api/shops', { query }),
      get: (slug: string) => client.get<ShopWithProducts>(`/api/shops/${enc(slug)}`),
      create: (input: ShopInput) => client.post<Shop>('/api/shops', input),
      update: (slug: string, input: ShopInput) =>
        client.patch<Shop>(`/api/shops/${enc(slug)}`, input),
      mine: () => client.get<Shop>('/api/my/shop'),
    },
    catalog: {
      categories: () => client.get<{ items: string[] }>('/api/categories'),
      search: (query: ProductQuery = {}) =>
        client.get<ProductPage>('/api/products', { query: { ...query } }),
      get: (id: number) => client.get<Product>(`/api/products/${id}`),
      create: (input: ProductInput) => client.post<Product>('/api/products', input),
      update: (id: number, input: ProductInput) =>
        client.patch<Product>(`/api/products/${id}`, input),
      archive: (id: number) => client.delete<void>(`/api/products/${id}`),
      mine: (query: ProductQuery = {}) =>
        client.get<ProductPage>('/api/my/products', { query: { ...query } }),
    },
    uploads: {
      image: (file: File) => {
        const form = new FormData();
        form.append('file', file);
        return client.post<Image>('/api/uploads', undefined, { form });
      },
    },
    cart: {
      create: () => client.post<{ cart_token: string }>('/api/carts'),
      get: () => client.get<Cart>('/api/cart', { cart: true }),
      add: (productId: number, quantity: number) =>
        client.post<Cart>('/api/cart/items', { product_id: productId, quantity }, { cart: true }),
      setQuantity: (productId: number, quantity: number) =>
        client.put<Cart>(`/api/cart/items/${productId}`, { quantity }, { cart: true }),
      remove: (productId: number) =>
        client.delete<Cart>(`/api/cart/items/${productId}`, { cart: true }),
      merge: (cartToken: string) => client.post<Cart>('/api/cart/merge', { cart_token: cartToken }),
    },
    checkout: {
      pay: (input: CheckoutInput, idempotencyKey: string) =>
        client.post<CheckoutResult>('/api/checkout', input, {
          headers: { 'Idempotency-Key': idempotencyKey },
          cart: true,
        }),
    },
    orders: {
      list: (page = 1) => client.get<Page<Order>>('/api/orders', { query: { page } }),
      get: (id: number) => client.get<Order>(`/api/orders/${id}`),
      cancel: (id: number, reason: string) =>
        client.post<Order>(`/api/orders/${id}/cancel`, { reason }),
      shopOrders: (query: { status?: OrderStatus | ''; page?: number } = {}) =>
        client.get<Page<Order>>('/api/my/shop/orders', { query }),
      process: (id: number) => client.post<Order>(`/api/orders/${id}/process`),
      ship: (id: number, carrier: string, trackingNumber: string) =>
        client.post<Order>(`/api/orders/${id}/ship`, {
          carrier,
          tracking_number: trackingNumber,
        }),
      deliver: (id: number) => client.post<Order>(`/api/orders/${id}/deliver`),
      refund: (id: number, reason: string) =>
        client.post<Order>(`/api/orders/${id}/refund`, reason ? { reason } : {}),
    },
    dashboard: {
      get: () => client.get<Dashboard>('/api/dashboard'),
    },
    reviews: {
      list: (productId: number, page = 1) =>
        client.get<Page<Review>>(`/api/products/${productId}/reviews`, { query: { page } }),
      create: (productId: number, input: { rating: number; body: string }) =>
        client.post<Review>(`/api/products/${productId}/reviews`, input),
      update: (id: number, input: { rating?: number; body?: string }) =>
        client.patch<Review>(`/api/reviews/${id}`, input),
      reply: (id: number, body: string) =>
        client.post<Review>(`/api/reviews/${id}/reply`, { body }),
    },
  };
}

export type Endpoints = ReturnType<typeof createEndpoints>;
