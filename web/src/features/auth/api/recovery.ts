import { client } from '../../../lib/api';
import type { PasswordResetConfirm, User } from '../../../lib/api/types';

/** Mails a reset link when an account uses the address; the answer is the same either way. */
export const requestPasswordReset = (email: string) =>
  client.post<{ detail: string }>('/api/auth/password-reset', { email });

export const confirmPasswordReset = (input: PasswordResetConfirm) =>
  client.post<void>('/api/auth/password-reset/confirm', input);

export const verifyEmail = (token: string) =>
  client.post<{ user: User }>('/api/auth/verify-email', { token });
