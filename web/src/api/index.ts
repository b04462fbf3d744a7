import { localValue, memorySession } from '../lib/storage';
import { ApiClient } from './client';
import { createEndpoints } from './endpoints';

export { ApiError, NetworkError, errorMessage, fieldErrorsOf } from './errors';
export type { FieldErrors } from './errors';

// Versions before the refresh cookie kept both tokens here.
localValue('pocketshop.session').set(null);

/** The app's one client: the access token in memory, the guest cart in localStorage. */
export const client = new ApiClient({
  session: memorySession('pocketshop.signed-in'),
  cartToken: localValue('pocketshop.cart'),
  onSessionExpired: () => window.dispatchEvent(new Event('pocketshop:session-expired')),
});

export const api = createEndpoints(client);
