// Names for the shapes of the PocketShop JSON API. Every one is an alias of a
// type generated from docs/openapi.json (schema.d.ts, `npm run gen:api`):
// change the document, never these shapes.
import type { components, operations } from './schema';

type Schemas = components['schemas'];
type QueryOf<Operation extends keyof operations> = NonNullable<
  operations[Operation]['parameters']['query']
>;

/** The JSON body an operation (by its operationId) takes. */
export type RequestBody<Operation extends keyof operations> =
  NonNullable<operations[Operation]['requestBody']> extends {
    content: { 'application/json': infer Body };
  }
    ? Body
    : never;

/** The JSON an operation answers with a status. */
export type JsonAnswer<
  Operation extends keyof operations,
  Status extends keyof operations[Operation]['responses'],
> = operations[Operation]['responses'][Status] extends {
  content: { 'application/json': infer Body };
}
  ? Body
  : never;

export type Role = Schemas['Role'];
export type User = Schemas['User'];
export type Session = Schemas['Session'];
export type RegisterInput = Schemas['RegisterRequest'];
export type LoginInput = Schemas['LoginRequest'];
export type PasswordResetConfirm = Schemas['PasswordResetConfirm'];
export type ChangePasswordInput = Schemas['ChangePasswordRequest'];
export type LogoutOthersInput = Schemas['LogoutOthersRequest'];
export type ChangeEmailInput = Schemas['ChangeEmailRequest'];
export type UpdateMeInput = Schemas['UpdateMeRequest'];
export type AccountExport = Schemas['AccountExport'];

export type Image = Schemas['Image'];
export type ProductImage = Schemas['ProductImage'];

export type ShopSummary = Schemas['ShopSummary'];
export type Shop = Schemas['Shop'];
export type ShopPage = Schemas['ShopPage'];
/** A shop as the directory (GET /api/shops) lists it: with its newest products. */
export type ShopListItem = ShopPage['items'][number];
/** A shop's own page (GET /api/shops/{slug}): with the first page of its products. */
export type ShopWithProducts = Schemas['ShopWithProducts'];
export type ShopInput = Schemas['ShopInput'];
/** What a shop charges to ship an order paid in one currency. */
export type ShippingRate = Schemas['ShippingRate'];
/** A currency the marketplace sells in. */
export type Currency = ShippingRate['currency'];
export type ShopQuery = QueryOf<'listShops'>;
export type ShopSort = NonNullable<ShopQuery['sort']>;

/** A product as lists and carts show it: no description, only the main image. */
export type ProductSummary = Schemas['ProductSummary'];
export type ProductStatus = ProductSummary['status'];
/** The product page: the summary with its description and every image. */
export type Product = Schemas['Product'];
/** A product's own page: the product, and what its shop charges to ship it. */
export type ProductDetail = Schemas['ProductDetail'];
export type ProductPage = Schemas['ProductPage'];
export type ProductInput = Schemas['ProductInput'];
export type ProductQuery = QueryOf<'searchProducts'>;
export type MyProductQuery = QueryOf<'myProducts'>;
export type ProductSort = NonNullable<ProductQuery['sort']>;

export type Cart = Schemas['Cart'];
export type CartItem = Schemas['CartLine'];

export type Address = Schemas['ShippingAddress'];
export type SavedAddress = Schemas['SavedAddress'];
export type CheckoutInput = Schemas['CheckoutRequest'];
export type CheckoutResult = Schemas['CheckoutResult'];
export type PaymentConfig = Schemas['PaymentConfig'];

export type Order = Schemas['Order'];
export type OrderStatus = Order['status'];
export type OrderPage = Schemas['OrderPage'];
export type ShopOrderQuery = QueryOf<'shopOrders'>;
export type OrderRefund = Schemas['OrderRefund'];
export type RefundRequest = RequestBody<'refundOrderPart'>;
export type RefundResult = JsonAnswer<'refundOrderPart', 201>;

export type Dashboard = Schemas['Dashboard'];

export type Balances = Schemas['Balances'];
export type StatementLine = Schemas['StatementLine'];
export type StatementPage = Schemas['StatementPage'];
export type StatementKind = StatementLine['kind'];
export type OrderEarnings = Schemas['OrderEarnings'];
export type OrderEarningsStatus = OrderEarnings['status'];
export type OrderEarningsPage = Schemas['OrderEarningsPage'];

export type PayoutAccount = Schemas['PayoutAccount'];
export type PayoutSchedule = PayoutAccount['schedule'];
export type PayoutSettings = RequestBody<'setPayoutSettings'>;
export type Payout = Schemas['Payout'];
export type PayoutStatus = Payout['status'];
export type PayoutList = Schemas['PayoutList'];

export type Review = Schemas['Review'];
export type ReviewPage = Schemas['ReviewPage'];
export type ReviewEligibility = Schemas['ReviewEligibility'];

/** A product the person saved, and when. */
export type Favorite = Schemas['Favorite'];
/** A saved product as it is now: `available` is false once it can no longer be bought. */
export type FavoriteItem = Schemas['FavoriteItem'];
export type FavoritePage = Schemas['FavoritePage'];
export type FavoriteIds = Schemas['FavoriteIds'];
export type FavoriteCounts = Schemas['FavoriteCounts'];

export type Notification = Schemas['Notification'];
export type NotificationPage = Schemas['NotificationPage'];
export type Conversation = Schemas['Conversation'];
export type ConversationPage = Schemas['ConversationPage'];
export type Message = Schemas['Message'];
export type Thread = Schemas['Thread'];
export type SentMessage = Schemas['SentMessage'];
export type StartConversationInput = Schemas['StartConversation'];
export type MessageInput = Schemas['MessageInput'];
export type NotificationPreferences = Schemas['NotificationPreferences'];
export type NotificationPreferencesChange = Schemas['NotificationPreferencesChange'];
export type MailboxEntry = Schemas['MailboxEntry'];
export type MailboxMail = Schemas['MailboxMail'];
export type MailboxPage = Schemas['MailboxPage'];
