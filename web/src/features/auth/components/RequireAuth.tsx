import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import type { Role } from '../../../lib/api/types';
import { paths } from '../../../config/paths';
import { Loading } from '../../../components/Loading';
import { useAuth } from '../hooks/useAuth';

/**
 * Renders its children for a signed-in user (of a role); else asks to sign in,
 * carrying the page's link state through (SignInPage hands it back), so a page
 * opened by a guest's click comes back as the click left it.
 */
export function RequireAuth({ role, children }: { role?: Role; children: ReactNode }) {
  const { user, loading, sessionEnded } = useAuth();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!user) {
    const next = location.pathname + location.search;
    return (
      <Navigate
        to={paths.signIn.href({ next, ended: sessionEnded ? '1' : undefined })}
        state={{ nextState: location.state }}
        replace
      />
    );
  }
  if (role && user.role !== role) {
    return (
      <section className="section">
        <div className="notification is-warning" role="alert">
          This page is for {role}s. <Link to={paths.home.href()}>Back to the shop</Link>
        </div>
      </section>
    );
  }
  return <>{children}</>;
}
