import { ApiError, errorMessage, fieldErrorsOf, type FieldErrors } from '../../../lib/api';
import type { Address } from '../../../lib/api/types';

/** The address form's text fields: key, label, autocomplete token. */
export const ADDRESS_FIELDS: [keyof Address, string, string][] = [
  ['name', 'Full name', 'name'],
  ['line1', 'Address', 'address-line1'],
  ['line2', 'Apartment, suite (optional)', 'address-line2'],
  ['city', 'City', 'address-level2'],
  ['postal_code', 'Postal code', 'postal-code'],
];

/** What the card form holds, as typed. */
export interface CardDraft {
  number: string;
  expiry: string;
  cvc: string;
}

/** Problems the server reports on the card ("card.number"…) and the address, after the form's own. */
export function checkoutErrors(error: unknown, local: FieldErrors): FieldErrors {
  const server = fieldErrorsOf(error);
  const merged: FieldErrors = { ...local };
  for (const [key, messages] of Object.entries(server)) {
    const field = key === 'card.exp_month' || key === 'card.exp_year' ? 'card.expiry' : key;
    merged[field] = [...(merged[field] ?? []), ...messages];
  }
  if (error instanceof ApiError && error.declineCode) {
    const field =
      error.declineCode === 'incorrect_cvc'
        ? 'card.cvc'
        : error.declineCode === 'expired_card'
          ? 'card.expiry'
          : 'card.number';
    merged[field] = [...(merged[field] ?? []), errorMessage(error)];
  }
  return merged;
}
