import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { paths } from '../../../config/paths';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useSubmit } from '../../../lib/useSubmit';
import { useAuth } from '../hooks/useAuth';

/** Where to go after signing in: a local path from ?next=, else home or the dashboard. */
export function nextPath(params: URLSearchParams, fallback: string): string {
  const next = params.get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}

export function SignInPage() {
  usePageTitle('Sign in');
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { submit, busy, error, errors } = useSubmit(async () => {
    const user = await signIn({ email, password });
    navigate(
      nextPath(params, user.role === 'vendor' ? paths.vendor.dashboard.href() : paths.home.href()),
      { replace: true },
    );
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
          <Field label="Email" errors={errors.email}>
            {(props) => (
              <input
                {...props}
                className="input"
                type="email"
                autoComplete="email"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            )}
          </Field>
          <Field label="Password" errors={errors.password}>
            {(props) => (
              <input
                {...props}
                className="input"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <button
            type="submit"
            className={`button is-primary ${busy ? 'is-loading' : ''}`}
            disabled={busy}
          >
            Sign in
          </button>
        </form>
        <p>
          <Link to={paths.forgotPassword.href()}>Forgot password?</Link>
        </p>
        <p>
          New here? <Link to={paths.signUp.href(params)}>Create an account</Link>
        </p>
      </div>
    </section>
  );
}
