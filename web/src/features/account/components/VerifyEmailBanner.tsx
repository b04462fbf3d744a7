import { Link } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { useAuth } from '../../auth';

/** Tells a vendor whose address is not confirmed that their shop waits for it. */
export function VerifyEmailBanner() {
  const { user } = useAuth();
  if (!user || user.role !== 'vendor' || user.email_verified) return null;
  return (
    <div className="notification is-warning is-light mb-0 has-text-centered" role="status">
      Confirm your email address to open your shop: follow the link we mailed to {user.email}.{' '}
      <Link to={paths.account.href()}>Send it again</Link>
    </div>
  );
}
