import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { renderPage } from '../../test/render';
import { SignUpPage } from './pages/SignUpPage';

function signUpAnswered(problem: object, status: number) {
  mockFetch({ 'POST /api/auth/register': () => json(problem, status) });
  renderPage(<SignUpPage />, { url: '/signup' });
  fireEvent.change(screen.getByLabelText('Your name'), { target: { value: 'Bo' } });
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'bo@example.test' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a-long-password' } });
  fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('sign-up errors', () => {
  it('are written for people, not as the server’s lower-case texts', async () => {
    signUpAnswered(
      {
        type: '/problems/validation',
        title: 'Invalid fields',
        status: 422,
        detail: 'One or more fields are invalid.',
        errors: { email: ['must be a valid email address'], display_name: ['must not be empty'] },
      },
      422,
    );
    await screen.findByText('Please correct the highlighted fields.');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
      'Enter an email address like name@example.com.',
    );
    expect(screen.getByLabelText('Your name')).toHaveAccessibleDescription('Enter your name.');
    expect(screen.queryByText(/must be a valid/)).toBeNull();
  });

  it('tell at the email field that the address has an account', async () => {
    signUpAnswered(
      {
        type: '/problems/email-taken',
        title: 'Email taken',
        status: 409,
        detail: 'An account with this email already exists.',
      },
      409,
    );
    expect(await screen.findByText(/An account already uses this email address/)).toBeVisible();
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
      'An account already uses this email address. Sign in instead, or reset your password.',
    );
  });
});
