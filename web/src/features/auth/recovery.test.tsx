import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { renderPage } from '../../test/render';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { SignInPage } from './pages/SignInPage';
import { VerifyEmailPage } from './pages/VerifyEmailPage';

const user = {
  id: 3,
  email: 'bo@example.test',
  display_name: 'Bo',
  role: 'vendor',
  email_verified: true,
  created_at: '',
};

const tokenInvalid = () =>
  json(
    {
      type: '/problems/token-invalid',
      title: 'Link invalid or expired',
      status: 400,
      detail: 'This link is invalid, has expired or was already used.',
    },
    400,
  );

describe('ForgotPasswordPage', () => {
  it('is linked from the sign-in page', () => {
    mockFetch({});
    renderPage(<SignInPage />, { url: '/signin', path: '/signin' });
    expect(screen.getByRole('link', { name: 'Forgot password?' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });

  it('asks for a link and says the same whatever the address', async () => {
    const { calls } = mockFetch({
      'POST /api/auth/password-reset': () => json({ detail: 'If an account uses…' }, 202),
    });
    renderPage(<ForgotPasswordPage />);
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'bo@example.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the link' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'If an account uses bo@example.test, a link to choose a new password is on its way.',
    );
    expect(calls[0].body).toEqual({ email: 'bo@example.test' });
  });

  it('says when too many links were asked for', async () => {
    mockFetch({
      'POST /api/auth/password-reset': () =>
        json(
          { type: '/problems/rate-limited', title: 'Too many requests', status: 429, detail: '' },
          429,
          { 'Retry-After': '60' },
        ),
    });
    renderPage(<ForgotPasswordPage />);
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'bo@example.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the link' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
  });
});

describe('ResetPasswordPage', () => {
  it('sets the new password with the token of the link', async () => {
    const { calls } = mockFetch({
      'POST /api/auth/password-reset/confirm': () => new Response(null, { status: 204 }),
    });
    renderPage(<ResetPasswordPage />, { url: '/reset-password?token=abc_DEF-1' });
    fireEvent.change(screen.getByLabelText('New password'), {
      target: { value: 'new-password-1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Set the password' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Your password is set');
    expect(screen.getByRole('link', { name: 'Sign in with it' })).toHaveAttribute(
      'href',
      '/signin',
    );
    expect(calls[0].body).toEqual({ token: 'abc_DEF-1', password: 'new-password-1' });
  });

  it('offers a new link when the token is refused', async () => {
    mockFetch({ 'POST /api/auth/password-reset/confirm': tokenInvalid });
    renderPage(<ResetPasswordPage />, { url: '/reset-password?token=used' });
    fireEvent.change(screen.getByLabelText('New password'), {
      target: { value: 'new-password-1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Set the password' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This link is invalid');
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });

  it('shows the field error of a short password', async () => {
    mockFetch({
      'POST /api/auth/password-reset/confirm': () =>
        json(
          {
            type: '/problems/validation',
            title: 'Invalid fields',
            status: 422,
            detail: 'One or more fields are invalid.',
            errors: { password: ['must be at least 8 characters'] },
          },
          422,
        ),
    });
    renderPage(<ResetPasswordPage />, { url: '/reset-password?token=t' });
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set the password' }));
    await screen.findByText('Please correct the highlighted fields.');
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(
      'At least 8 characters. must be at least 8 characters',
    );
  });

  it('says a link without a token is unusable', () => {
    mockFetch({});
    renderPage(<ResetPasswordPage />, { url: '/reset-password' });
    expect(screen.getByRole('alert')).toHaveTextContent('This link is invalid');
  });
});

describe('VerifyEmailPage', () => {
  it('confirms the address once, as it opens', async () => {
    const { calls } = mockFetch({
      'POST /api/auth/verify-email': () => json({ user }),
    });
    renderPage(<VerifyEmailPage />, { url: '/verify-email?token=tok' });
    expect(await screen.findByText(/bo@example.test is confirmed/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open your shop' })).toHaveAttribute(
      'href',
      '/vendor/shop',
    );
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0].body).toEqual({ token: 'tok' });
  });

  it('says when the link is used or expired', async () => {
    mockFetch({ 'POST /api/auth/verify-email': tokenInvalid });
    renderPage(<VerifyEmailPage />, { url: '/verify-email?token=old' });
    expect(await screen.findByRole('alert')).toHaveTextContent('This link is invalid');
  });

  it('sends nothing without a token', () => {
    const { calls } = mockFetch({});
    renderPage(<VerifyEmailPage />, { url: '/verify-email' });
    expect(screen.getByRole('alert')).toHaveTextContent('This link is invalid');
    expect(calls).toHaveLength(0);
  });
});
