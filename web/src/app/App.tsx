import { lazy, type ComponentType, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../components/NotFoundPage';
import { paths } from '../config/paths';
import {
  ForgotPasswordPage,
  RequireAuth,
  ResetPasswordPage,
  SignInPage,
  SignUpPage,
  VerifyEmailPage,
} from '../features/auth';
import { CartPage } from '../features/cart';
import { ProductPage, SearchPage } from '../features/catalog';
import { HomePage } from '../features/home';
import { ShopPage, ShopsPage } from '../features/shops';
import { Layout } from './Layout';

/**
 * A page whose code is fetched when its route is first shown: the shop's
 * back office, checkout, orders, messages, favorites, account settings, mail
 * preferences and the development mailbox are pages most first visits never
 * open, so the script a first visit loads leaves them out (README.md,
 * "Performance budget"). Layout shows Loading meanwhile.
 */
function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
const vendorPages = () => import('../features/vendor');
const DashboardPage = lazyPage(vendorPages, 'DashboardPage');
const EarningsPage = lazyPage(vendorPages, 'EarningsPage');
const ProductEditPage = lazyPage(vendorPages, 'ProductEditPage');
const ProductsPage = lazyPage(vendorPages, 'ProductsPage');
const ShopEditPage = lazyPage(vendorPages, 'ShopEditPage');
const VendorOrdersPage = lazyPage(vendorPages, 'VendorOrdersPage');
const orderPages = () => import('../features/orders');
const OrdersPage = lazyPage(orderPages, 'OrdersPage');
const OrderPage = lazyPage(orderPages, 'OrderPage');
const CheckoutPage = lazyPage(() => import('../features/checkout'), 'CheckoutPage');
const preferencePages = () => import('../features/preferences');
const NotificationPreferencesPage = lazyPage(preferencePages, 'NotificationPreferencesPage');
const UnsubscribePage = lazyPage(preferencePages, 'UnsubscribePage');
const messagePages = () => import('../features/messages/pages');
const InboxPage = lazyPage(messagePages, 'InboxPage');
const NewConversationPage = lazyPage(messagePages, 'NewConversationPage');
const ThreadPage = lazyPage(messagePages, 'ThreadPage');
const AccountPage = lazyPage(() => import('../features/account/pages'), 'AccountPage');
const FavoritesPage = lazyPage(() => import('../features/favorites/pages'), 'FavoritesPage');
const mailboxPages = () => import('../features/mailbox');
const MailboxPage = lazyPage(mailboxPages, 'MailboxPage');
const MailboxMailPage = lazyPage(mailboxPages, 'MailboxMailPage');

/** Every page of the app at its route (config/paths.ts), inside the layout. */
export function App() {
  const signedIn = (page: ReactNode) => <RequireAuth>{page}</RequireAuth>;
  const vendor = (page: ReactNode) => <RequireAuth role="vendor">{page}</RequireAuth>;
  const { vendor: v } = paths;
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path={paths.shops.pattern} element={<ShopsPage />} />
        <Route path={paths.shop.pattern} element={<ShopPage />} />
        <Route path={paths.search.pattern} element={<SearchPage />} />
        <Route path={paths.product.pattern} element={<ProductPage />} />
        <Route path={paths.cart.pattern} element={<CartPage />} />
        <Route path={paths.checkout.pattern} element={signedIn(<CheckoutPage />)} />
        <Route path={paths.orders.pattern} element={signedIn(<OrdersPage />)} />
        <Route path={paths.order.pattern} element={signedIn(<OrderPage />)} />
        <Route path={paths.messages.pattern} element={signedIn(<InboxPage />)} />
        <Route path={paths.newMessage.pattern} element={signedIn(<NewConversationPage />)} />
        <Route path={paths.conversation.pattern} element={signedIn(<ThreadPage />)} />
        <Route path={paths.signIn.pattern} element={<SignInPage />} />
        <Route path={paths.signUp.pattern} element={<SignUpPage />} />
        <Route path={paths.forgotPassword.pattern} element={<ForgotPasswordPage />} />
        <Route path={paths.resetPassword.pattern} element={<ResetPasswordPage />} />
        <Route path={paths.verifyEmail.pattern} element={<VerifyEmailPage />} />
        <Route path={paths.favorites.pattern} element={signedIn(<FavoritesPage />)} />
        <Route path={paths.account.pattern} element={<AccountPage />} />
        <Route
          path={paths.notificationPreferences.pattern}
          element={signedIn(<NotificationPreferencesPage />)}
        />
        <Route path={paths.unsubscribe.pattern} element={<UnsubscribePage />} />
        <Route path={paths.devMailbox.pattern} element={<MailboxPage />} />
        <Route path={paths.devMailboxMail.pattern} element={<MailboxMailPage />} />
        <Route path={v.dashboard.pattern} element={vendor(<DashboardPage />)} />
        <Route path={v.shop.pattern} element={vendor(<ShopEditPage />)} />
        <Route path={v.products.pattern} element={vendor(<ProductsPage />)} />
        <Route path={v.newProduct.pattern} element={vendor(<ProductEditPage />)} />
        <Route path={v.product.pattern} element={vendor(<ProductEditPage />)} />
        <Route path={v.orders.pattern} element={vendor(<VendorOrdersPage />)} />
        <Route path={v.earnings.pattern} element={vendor(<EarningsPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
