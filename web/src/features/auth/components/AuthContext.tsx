import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { SIGNED_IN_FLAG, client } from '../../../lib/api';
import type { LoginInput, RegisterInput, Session, User } from '../../../lib/api/types';
import { getMe, login, logout, mergeGuestCart, register } from '../api/session';

export interface AuthState {
  user: User | null;
  /** True until the stored session has been checked. */
  loading: boolean;
  signIn(input: LoginInput): Promise<User>;
  signUp(input: RegisterInput): Promise<User>;
  signOut(): Promise<void>;
  /** The user as the server answered a change (a verified or changed address). */
  updateUser(user: User): void;
  /** Goes on with a session the server started (after a password change). */
  resumeWith(session: Session): Promise<User>;
  /** Forgets the session the server already ended (a deleted account). */
  forget(): void;
  /**
   * True from the moment a signed-in session ended on its own (a refused
   * refresh, a sign-out in another tab) until acknowledged: the app then
   * sends the person to sign in and back (SessionEndedRedirect).
   */
  sessionEnded: boolean;
  acknowledgeSessionEnd(): void;
}

export const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(() => client.session.resumable());

  // After a reload the client renews the session from its cookie first.
  useEffect(() => {
    if (!client.session.resumable()) return;
    let cancelled = false;
    getMe()
      .then((me) => !cancelled && setUser(me))
      .catch(() => !cancelled && setUser(null))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, []);

  const [sessionEnded, setSessionEnded] = useState(false);
  const signedInUser = useRef<User | null>(null);
  useEffect(() => {
    signedInUser.current = user;
  }, [user]);

  useEffect(() => {
    const expired = () => {
      if (signedInUser.current) setSessionEnded(true);
      setUser(null);
      queryClient.removeQueries();
    };
    // Signing out in another tab removes the shared flag: this tab's session ends too.
    const storage = (event: StorageEvent) => {
      if (event.key !== SIGNED_IN_FLAG || event.newValue !== null || !client.session.get()) return;
      client.session.set(null);
      expired();
    };
    window.addEventListener('pocketshop:session-expired', expired);
    window.addEventListener('storage', storage);
    return () => {
      window.removeEventListener('pocketshop:session-expired', expired);
      window.removeEventListener('storage', storage);
    };
  }, [queryClient]);

  const acknowledgeSessionEnd = useCallback(() => setSessionEnded(false), []);

  // A new session takes over the guest cart.
  const start = useCallback(
    async (session: Session) => {
      client.session.set(session.access_token);
      const guestCart = client.cartToken.get();
      if (guestCart) {
        await mergeGuestCart(guestCart).catch(() => undefined);
        client.cartToken.set(null);
      }
      setUser(session.user);
      setSessionEnded(false);
      queryClient.removeQueries();
      return session.user;
    },
    [queryClient],
  );

  const signIn = useCallback(async (input: LoginInput) => start(await login(input)), [start]);

  const signUp = useCallback(async (input: RegisterInput) => start(await register(input)), [start]);

  const signOut = useCallback(async () => {
    client.session.set(null);
    setUser(null);
    queryClient.removeQueries();
    await logout().catch(() => undefined);
  }, [queryClient]);

  const updateUser = useCallback((next: User) => setUser(next), []);

  const forget = useCallback(() => {
    client.session.set(null);
    setUser(null);
    queryClient.removeQueries();
  }, [queryClient]);

  const value = useMemo(
    () => ({
      user,
      loading,
      signIn,
      signUp,
      signOut,
      updateUser,
      resumeWith: start,
      forget,
      sessionEnded,
      acknowledgeSessionEnd,
    }),
    [
      user,
      loading,
      signIn,
      signUp,
      signOut,
      updateUser,
      start,
      forget,
      sessionEnded,
      acknowledgeSessionEnd,
    ],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
