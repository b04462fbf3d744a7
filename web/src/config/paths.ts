// Every route of the app, named once: `pattern` is what the router matches,
// `href(...)` the link to it. Links and navigate() calls use these, never a
// path written out.

type Search = Record<string, string | number | undefined>;

/** A path with a query string of the given values (empty ones left out). */
function withSearch(path: string, search: Search | URLSearchParams = {}): string {
  const text =
    search instanceof URLSearchParams
      ? search.toString()
      : Object.entries(search)
          .filter(([, value]) => value !== undefined && value !== '')
          .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
          .join('&');
  return text ? `${path}?${text}` : path;
}

const enc = (value: string | number) => encodeURIComponent(String(value));

export const paths = {
  home: { pattern: '/', href: () => '/' },
  shops: { pattern: '/shops', href: () => '/shops' },
  shop: { pattern: '/shops/:slug', href: (slug: string) => `/shops/${enc(slug)}` },
  /** Product search; its state is the query string (see features/catalog/utils/search.ts). */
  search: {
    pattern: '/search',
    href: (search: { q?: string; category?: string; shop?: string; sort?: string } = {}) =>
      withSearch('/search', search),
  },
  product: {
    pattern: '/products/:id',
    /** `section` is the id of a part of the page to scroll to. */
    href: (id: number, section?: string) => `/products/${id}${section ? `#${section}` : ''}`,
  },
  cart: { pattern: '/cart', href: () => '/cart' },
  checkout: { pattern: '/checkout', href: () => '/checkout' },
  orders: { pattern: '/orders', href: () => '/orders' },
  order: { pattern: '/orders/:id', href: (id: number) => `/orders/${id}` },
  /** A buyer's and a vendor's conversations. */
  messages: { pattern: '/messages', href: () => '/messages' },
  /**
   * Writing to a shop (about a product, an order of the buyer's, or nothing in
   * particular), or, with an order and no shop, to the other party of an order.
   */
  newMessage: {
    pattern: '/messages/new',
    href: (search: { shop?: number; product?: number; order?: number }) =>
      withSearch('/messages/new', search),
  },
  conversation: { pattern: '/messages/:id', href: (id: number) => `/messages/${id}` },
  /**
   * `next` is where to go once signed in; `ended` says a session ended there
   * (issue 18); other parameters pass on from sign-up.
   */
  signIn: {
    pattern: '/signin',
    href: (search: { next?: string; ended?: '1' } | URLSearchParams = {}) =>
      withSearch('/signin', search),
  },
  signUp: {
    pattern: '/signup',
    href: (search: { role?: 'vendor' } | URLSearchParams = {}) => withSearch('/signup', search),
  },
  forgotPassword: { pattern: '/forgot-password', href: () => '/forgot-password' },
  /** The link of the password reset mail; `token` is the mailed token. */
  resetPassword: {
    pattern: '/reset-password',
    href: (token?: string) => withSearch('/reset-password', { token }),
  },
  /** The link of the welcome and verification mails. */
  verifyEmail: {
    pattern: '/verify-email',
    href: (token?: string) => withSearch('/verify-email', { token }),
  },
  /** The products the signed-in person saved. */
  favorites: { pattern: '/favorites', href: () => '/favorites' },
  account: { pattern: '/account', href: () => '/account' },
  /** Notification preferences (which mails the user gets). */
  notificationPreferences: {
    pattern: '/account/notifications',
    href: () => '/account/notifications',
  },
  /** Where a mail's unsubscribe link leads (the server writes this path into mails). */
  unsubscribe: { pattern: '/unsubscribe', href: () => '/unsubscribe' },
  /** The development mailbox: only on a local server with no SMTP configured. */
  devMailbox: { pattern: '/dev/mailbox', href: () => '/dev/mailbox' },
  devMailboxMail: { pattern: '/dev/mailbox/:id', href: (id: number) => `/dev/mailbox/${id}` },
  vendor: {
    dashboard: { pattern: '/vendor', href: () => '/vendor' },
    shop: { pattern: '/vendor/shop', href: () => '/vendor/shop' },
    products: { pattern: '/vendor/products', href: () => '/vendor/products' },
    newProduct: { pattern: '/vendor/products/new', href: () => '/vendor/products/new' },
    product: { pattern: '/vendor/products/:id', href: (id: number) => `/vendor/products/${id}` },
    orders: { pattern: '/vendor/orders', href: () => '/vendor/orders' },
    earnings: { pattern: '/vendor/earnings', href: () => '/vendor/earnings' },
  },
} as const;
