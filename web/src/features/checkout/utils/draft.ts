import type { Address } from '../../../lib/api/types';

// The checkout's address as typed, kept for this tab (sessionStorage) until
// the order is placed: a session that ends halfway, and the sign-in that
// follows, do not lose it (issue 18). Card details are never kept.
const KEY = 'pocketshop.checkout-address';

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.sessionStorage : null;
  } catch {
    return null; // storage disabled: the draft lives as long as the page
  }
}

export function loadAddressDraft(): Address | null {
  const text = storage()?.getItem(KEY);
  if (!text) return null;
  try {
    const draft = JSON.parse(text) as Partial<Address>;
    return typeof draft === 'object' && draft !== null && typeof draft.country === 'string'
      ? (draft as Address)
      : null;
  } catch {
    return null;
  }
}

export function saveAddressDraft(address: Address) {
  storage()?.setItem(KEY, JSON.stringify(address));
}

export function clearAddressDraft() {
  storage()?.removeItem(KEY);
}
