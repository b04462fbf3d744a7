import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { RequireAuth } from './auth/RequireAuth';
import { Layout } from './components/Layout';
import { CartPage } from './pages/CartPage';
import { CheckoutPage } from './pages/CheckoutPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OrderPage } from './pages/OrderPage';
import { OrdersPage } from './pages/OrdersPage';
import { ProductPage } from './pages/ProductPage';
import { SearchPage } from './pages/SearchPage';
import { ShopPage } from './pages/ShopPage';
import { ShopsPage } from './pages/ShopsPage';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';
import { DashboardPage } from './pages/vendor/DashboardPage';
import { ProductEditPage } from './pages/vendor/ProductEditPage';
import { ProductsPage } from './pages/vendor/ProductsPage';
import { ShopEditPage } from './pages/vendor/ShopEditPage';
import { VendorOrdersPage } from './pages/vendor/VendorOrdersPage';

export function App() {
  const vendor = (page: ReactNode) => <RequireAuth role="vendor">{page}</RequireAuth>;
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="shops" element={<ShopsPage />} />
        <Route path="shops/:slug" element={<ShopPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="products/:id" element={<ProductPage />} />
        <Route path="cart" element={<CartPage />} />
        <Route
          path="checkout"
          element={
            <RequireAuth>
              <CheckoutPage />
            </RequireAuth>
          }
        />
        <Route
          path="orders"
          element={
            <RequireAuth>
              <OrdersPage />
            </RequireAuth>
          }
        />
        <Route
          path="orders/:id"
          element={
            <RequireAuth>
              <OrderPage />
            </RequireAuth>
          }
        />
        <Route path="signin" element={<SignInPage />} />
        <Route path="signup" element={<SignUpPage />} />
        <Route path="vendor" element={vendor(<DashboardPage />)} />
        <Route path="vendor/shop" element={vendor(<ShopEditPage />)} />
        <Route path="vendor/products" element={vendor(<ProductsPage />)} />
        <Route path="vendor/products/new" element={vendor(<ProductEditPage />)} />
        <Route path="vendor/products/:id" element={vendor(<ProductEditPage />)} />
        <Route path="vendor/orders" element={vendor(<VendorOrdersPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
