import { ApiError, type FieldErrors } from '../../../lib/api';

const LABELS: Record<string, string> = {
  display_name: 'Your name',
  email: 'Email',
  password: 'Password',
  role: 'What you want to do',
};

/** The server's field texts ("must be at least 8 characters") as a person would say them. */
function humanText(field: string, message: string): string {
  const label = LABELS[field] ?? 'This field';
  const atLeast = /^must be at least (\d+) characters$/.exec(message);
  if (atLeast) return `${label} needs at least ${atLeast[1]} characters.`;
  const atMost = /^must be at most (\d+) characters$/.exec(message);
  if (atMost) return `${label} can have at most ${atMost[1]} characters.`;
  if (message === 'is required' || message === 'must not be empty')
    return field === 'email'
      ? 'Enter your email address.'
      : field === 'display_name'
        ? 'Enter your name.'
        : field === 'password'
          ? 'Choose a password.'
          : `${label} is needed.`;
  if (field === 'email' && message === 'must be a valid email address')
    return 'Enter an email address like name@example.com.';
  const sentence = `${label} ${message}`;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/**
 * The sign-up form's field errors in plain words: the server's texts
 * reworded, and a taken address (/problems/email-taken) told at the email.
 */
export function signUpFieldErrors(error: unknown, fieldErrors: FieldErrors): FieldErrors {
  const messages: FieldErrors = {};
  for (const [field, texts] of Object.entries(fieldErrors))
    messages[field] = texts.map((text) => humanText(field, text));
  if (error instanceof ApiError && error.type === '/problems/email-taken')
    messages.email = [
      'An account already uses this email address. Sign in instead, or reset your password.',
    ];
  return messages;
}
