import { localTokens, localValue } from '../lib/storage';
import { ApiClient } from './client';
import { createEndpoints } from './endpoints';

export { ApiError, NetworkError, errorMessage, fieldErrorsOf } from './errors';
export type { FieldErrors } from './errors';

/** The app's one client, keeping the session and guest cart in localStorage. */
export const client = new ApiClient({
  tokens: localTokens('pocketshop.session'),
  cartToken: localValue('pocketshop.cart'),
  onSessionExpired: () => window.dispatchEvent(new Event('pocketshop:session-expired')),
});

export const api = createEndpoints(client);
