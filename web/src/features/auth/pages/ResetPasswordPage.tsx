import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { FormError } from '../../../components/FormError';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useSubmit } from '../../../lib/useSubmit';
import { confirmPasswordReset } from '../api/recovery';

function LinkUnusable() {
  return (
    <div className="notification is-warning is-light" role="alert">
      This link is invalid, has expired or was already used.{' '}
      <Link to={paths.forgotPassword.href()}>Ask for a new link</Link>
    </div>
  );
}

/** The page of the reset mail's link: /reset-password?token=... */
export function ResetPasswordPage() {
  usePageTitle('Choose a new password');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const { submit, busy, error, errors } = useSubmit(async () => {
    await confirmPasswordReset({ token, password });
    setDone(true);
  });
  const tokenRefused = error instanceof ApiError && error.type === '/problems/token-invalid';

  return (
    <section className="section">
      <div className="container narrow">
        <h1 className="title">Choose a new password</h1>
        {done ? (
          <div className="notification is-success is-light" role="status">
            Your password is set, and every device was signed out.{' '}
            <Link to={paths.signIn.href()}>Sign in with it</Link>
          </div>
        ) : !token || tokenRefused ? (
          <LinkUnusable />
        ) : (
          <form className="box" onSubmit={submit} noValidate>
            <FormError error={error} />
            <TextField
              label="New password"
              type="password"
              autoComplete="new-password"
              minLength={8}
              help="At least 8 characters."
              value={password}
              onChange={setPassword}
              errors={errors.password}
            />
            <SubmitButton busy={busy}>Set the password</SubmitButton>
          </form>
        )}
      </div>
    </section>
  );
}
