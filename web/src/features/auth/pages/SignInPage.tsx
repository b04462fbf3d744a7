import { useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { FormError } from '../../../components/FormError';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { paths } from '../../../config/paths';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useSubmit } from '../../../lib/useSubmit';
import { useAuth } from '../hooks/useAuth';

/** Where to go after signing in: a local path from ?next=, else home or the dashboard. */
function nextPath(params: URLSearchParams, fallback: string): string {
  const next = params.get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}

/**
 * The link state of the page that sent a guest to sign in (RequireAuth), kept
 * while they go between signing in and signing up, and handed back to that page.
 */
export function useNextState(): unknown {
  return (useLocation().state as { nextState?: unknown } | null)?.nextState;
}

/**
 * Goes on once signed in or up: to ?next=, with the state the page there had,
 * else to the fallback.
 */
export function useGoOn(): (fallback: string) => void {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const nextState = useNextState();
  return (fallback) =>
    navigate(nextPath(params, fallback), {
      replace: true,
      state: params.get('next') ? nextState : undefined,
    });
}

export function SignInPage() {
  usePageTitle('Sign in');
  const { signIn } = useAuth();
  const goOn = useGoOn();
  const [params] = useSearchParams();
  const nextState = useNextState();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { submit, busy, error, errors } = useSubmit(async () => {
    const user = await signIn({ email, password });
    goOn(user.role === 'vendor' ? paths.vendor.dashboard.href() : paths.home.href());
  });

  return (
    <section className="section">
      <div className="container narrow">
        <h1 className="title">Sign in</h1>
        {params.get('ended') && (
          <div className="notification is-info is-light" role="status">
            Your session has ended. Sign in again to continue where you left off: your cart and what
            you had typed are kept.
          </div>
        )}
        <form className="box" onSubmit={submit} noValidate>
          <FormError error={error} />
          <TextField
            label="Email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={setEmail}
            errors={errors.email}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            errors={errors.password}
          />
          <SubmitButton busy={busy}>Sign in</SubmitButton>
        </form>
        <p>
          <Link to={paths.forgotPassword.href()}>Forgot password?</Link>
        </p>
        <p>
          New here?{' '}
          <Link to={paths.signUp.href(params)} state={{ nextState }}>
            Create an account
          </Link>
        </p>
      </div>
    </section>
  );
}
