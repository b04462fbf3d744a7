import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from './App';
import { AppProviders } from './AppProviders';
import { mockFetch } from '../test/fetchMock';

const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };

afterEach(() => {
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
});

/** Resolves with what has focus when the first h1 reading `title` enters the page. */
function focusWhenShown(title: string): Promise<Element | null> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (document.querySelector('main h1')?.textContent !== title) return;
      observer.disconnect();
      resolve(document.activeElement);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

describe('App', () => {
  it('has focus on the new page by the time the page appears', async () => {
    mockFetch({});
    render(
      <MemoryRouter initialEntries={['/']}>
        <AppProviders queryClient={new QueryClient()}>
          <App />
        </AppProviders>
      </MemoryRouter>,
    );
    const signIn = screen.getByRole('link', { name: 'Sign in' });
    signIn.focus();
    // Outside act(), React renders the navigation as in a browser: the new
    // page is committed in one task, passive effects run in a later one, and
    // a key press could come in between.
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    const shown = focusWhenShown('Sign in');
    signIn.click();
    expect(await shown).toBe(screen.getByRole('main'));
  });
});
