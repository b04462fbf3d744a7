import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { Link, MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { AppProviders } from './AppProviders';
import { Layout } from './Layout';

function renderLayout(url: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MemoryRouter initialEntries={[url]}>
      <AppProviders queryClient={queryClient}>
        <Routes>
          <Route element={<Layout />}>
            <Route
              path="start"
              element={
                <>
                  <h1>Start</h1>
                  <Link to="/plain">To a plain page</Link>
                  <Link to="/form">To a form</Link>
                </>
              }
            />
            <Route path="plain" element={<h1>Plain</h1>} />
            <Route
              path="form"
              element={
                <label>
                  Name
                  <input autoFocus />
                </label>
              }
            />
          </Route>
        </Routes>
      </AppProviders>
    </MemoryRouter>,
  );
}

describe('Layout', () => {
  it('leaves focus at the top on load: the skip link, then the search, come first', async () => {
    renderLayout('/start');
    expect(document.activeElement).toBe(document.body);
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    expect(skip).toHaveAttribute('href', '#main');
    // The first stop in the document's order of focusable elements.
    const focusable = Array.from(
      document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea'),
    );
    expect(focusable[0]).toBe(skip);
    const search = screen.getByRole('searchbox', { name: 'Search products' });
    expect(focusable.indexOf(search)).toBeLessThan(8);
  });

  it('moves focus to the new page’s content on navigation', async () => {
    renderLayout('/start');
    const main = screen.getByRole('main');
    const link = screen.getByRole('link', { name: 'To a plain page' });
    link.focus();
    fireEvent.click(link);
    await screen.findByRole('heading', { name: 'Plain' });
    expect(document.activeElement).toBe(main);
  });

  it('leaves focus where the page put it', async () => {
    renderLayout('/start');
    const link = screen.getByRole('link', { name: 'To a form' });
    link.focus();
    fireEvent.click(link);
    const input = await screen.findByLabelText('Name');
    expect(document.activeElement).toBe(input);
  });
});
