import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { useAuth } from '../hooks/useAuth';

/**
 * When a signed-in session ends on its own, sends the person to sign in with
 * the page they were on as `next`, so that signing in brings them back; what
 * they were doing is kept (the cart by the server, a checkout's address in
 * sessionStorage). Rendered once, in the layout.
 */
export function SessionEndedRedirect() {
  const { sessionEnded, acknowledgeSessionEnd } = useAuth();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  useEffect(() => {
    if (!sessionEnded) return;
    // Acknowledged once there: until then every redirect (RequireAuth's too) says why.
    if (pathname === paths.signIn.pattern) acknowledgeSessionEnd();
    else navigate(paths.signIn.href({ next: pathname + search, ended: '1' }), { replace: true });
  }, [sessionEnded, acknowledgeSessionEnd, navigate, pathname, search]);
  return null;
}
