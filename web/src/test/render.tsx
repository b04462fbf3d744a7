import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, Route, RouterProvider, Routes } from 'react-router-dom';
import { AppProviders } from '../app/AppProviders';

/**
 * Renders a page inside the app's providers at a URL (and route pattern), in
 * a data router as the app's (main.tsx), after the page at `backTo` if given;
 * `router` goes back and forth (router.navigate(-1) is the Back button).
 */
export function renderPage(
  ui: ReactElement,
  { url = '/', path = '*', backTo }: { url?: string; path?: string; backTo?: string } = {},
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const routes = (
    <Routes>
      <Route path={path} element={ui} />
      <Route path="*" element={<p>elsewhere</p>} />
    </Routes>
  );
  const router = createMemoryRouter([{ path: '*', element: routes }], {
    initialEntries: backTo === undefined ? [url] : [backTo, url],
    initialIndex: backTo === undefined ? 0 : 1,
  });
  return {
    router,
    ...render(
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>,
    ),
  };
}
