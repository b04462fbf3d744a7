import { localValue, memorySession } from '../storage';
import { ApiClient } from './client';

export { ApiError, NetworkError, SessionEndedError, errorMessage, fieldErrorsOf } from './errors';
export type { FieldErrors } from './errors';

// Versions before the refresh cookie kept both tokens here.
localValue('pocketshop.session').set(null);

/**
 * The app's one client: the access token in memory, the guest cart in
 * localStorage. Each feature's api/ folder calls the API through it.
 */
/** The stored flag that a session may be resumed (no secret); other tabs watch it. */
export const SIGNED_IN_FLAG = 'pocketshop.signed-in';

export const client = new ApiClient({
  session: memorySession(SIGNED_IN_FLAG),
  cartToken: localValue('pocketshop.cart'),
  onSessionExpired: () => window.dispatchEvent(new Event('pocketshop:session-expired')),
});

/** Puts a value into a URL path segment. */
export const segment = (value: string | number) => encodeURIComponent(String(value));
