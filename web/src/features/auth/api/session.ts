import { client } from '../../../lib/api';
import type { Cart, LoginInput, RegisterInput, Session, User } from '../../../lib/api/types';

export const register = (input: RegisterInput) => client.post<Session>('/api/auth/register', input);

export const login = (input: LoginInput) => client.post<Session>('/api/auth/login', input);

/** Ends the session of the refresh cookie (sent with no body). */
export const logout = () => client.post<void>('/api/auth/logout');

export const getMe = () => client.get<User>('/api/me');

/** A new session takes over the guest cart of this browser. */
export const mergeGuestCart = (cartToken: string) =>
  client.post<Cart>('/api/cart/merge', { cart_token: cartToken });
