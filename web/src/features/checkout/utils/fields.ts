import { ApiError, errorMessage, fieldErrorsOf, type FieldErrors } from '../../../lib/api';
import type { Address } from '../../../lib/api/types';

/** The address form's text fields: key, label, autocomplete token. */
/** A new address: every field empty, the country the shop ships from first. */
export const EMPTY_ADDRESS: Address = {
  name: '',
  line1: '',
  line2: '',
  city: '',
  region: '',
  postal_code: '',
  country: 'US',
};

export const ADDRESS_FIELDS: [keyof Address, string, string][] = [
  ['name', 'Full name', 'name'],
  ['line1', 'Address', 'address-line1'],
  ['line2', 'Apartment, suite (optional)', 'address-line2'],
  ['city', 'City', 'address-level2'],
  ['region', 'State / province (optional)', 'address-level1'],
  ['postal_code', 'Postal code', 'postal-code'],
];

/** What the card form holds, as typed. */
export interface CardDraft {
  number: string;
  expiry: string;
  cvc: string;
}

/** Problems reported on the card (a decline, a refused token) and the address, after the form's own. */
export function checkoutErrors(error: unknown, local: FieldErrors): FieldErrors {
  const server = fieldErrorsOf(error);
  const merged: FieldErrors = { ...local };
  for (const [key, messages] of Object.entries(server)) {
    // A decline or a refused token concerns the card as a whole: shown at its number.
    const field = key === 'payment_token' ? 'card.number' : key;
    merged[field] = [...(merged[field] ?? []), ...messages];
  }
  if (error instanceof ApiError && error.declineCode) merged['card.number'] = [errorMessage(error)];
  return merged;
}
