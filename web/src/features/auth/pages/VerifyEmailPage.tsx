import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Loading } from '../../../components/Loading';
import { paths } from '../../../config/paths';
import { ApiError, errorMessage } from '../../../lib/api';
import { usePageTitle } from '../../../lib/usePageTitle';
import { verifyEmail } from '../api/recovery';
import { useAuth } from '../hooks/useAuth';

/**
 * The page of the welcome and verification mails' link:
 * /verify-email?token=... The token is used once, as the page opens (one
 * query per token, so a re-render does not send it again).
 */
export function VerifyEmailPage() {
  usePageTitle('Confirm your email address');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { user, updateUser } = useAuth();
  const verified = useQuery({
    queryKey: ['verify-email', token],
    queryFn: () => verifyEmail(token),
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  const confirmed = verified.data?.user;
  useEffect(() => {
    if (confirmed && user?.id === confirmed.id) updateUser(confirmed);
  }, [confirmed, user?.id, updateUser]);

  let content;
  if (!token || (verified.error instanceof ApiError && verified.error.status === 400)) {
    content = (
      <div className="notification is-warning is-light" role="alert">
        This link is invalid, has expired or was already used. If your address is not confirmed yet,
        ask for a new link on <Link to={paths.account.href()}>your account page</Link>.
      </div>
    );
  } else if (verified.error) {
    content = (
      <div className="notification is-danger is-light" role="alert">
        {errorMessage(verified.error)}
      </div>
    );
  } else if (confirmed) {
    content = (
      <div className="notification is-success is-light" role="status">
        Thank you: {confirmed.email} is confirmed.{' '}
        {confirmed.role === 'vendor' ? (
          <Link to={paths.vendor.shop.href()}>Open your shop</Link>
        ) : (
          <Link to={paths.home.href()}>Go shopping</Link>
        )}
      </div>
    );
  } else {
    content = <Loading />;
  }

  return (
    <section className="section">
      <div className="container narrow">
        <h1 className="title">Confirm your email address</h1>
        {content}
      </div>
    </section>
  );
}
