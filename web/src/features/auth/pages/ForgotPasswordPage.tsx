import { useState } from 'react';
import { Link } from 'react-router-dom';
import { FormError } from '../../../components/FormError';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { paths } from '../../../config/paths';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useSubmit } from '../../../lib/useSubmit';
import { requestPasswordReset } from '../api/recovery';

/** Asks for a reset link by email; says the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  usePageTitle('Forgot your password?');
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { submit, busy, error, errors } = useSubmit(async () => {
    await requestPasswordReset(email);
    setSentTo(email);
  });

  return (
    <section className="section">
      <div className="container narrow">
        <h1 className="title">Forgot your password?</h1>
        {sentTo ? (
          <div className="notification is-success is-light" role="status">
            If an account uses {sentTo}, a link to choose a new password is on its way. It works
            once, within an hour.
          </div>
        ) : (
          <form className="box" onSubmit={submit} noValidate>
            <p className="mb-4">
              Enter the email address of your account: we will mail you a link.
            </p>
            <FormError error={error} />
            <TextField
              label="Email"
              type="email"
              autoComplete="email"
              value={email}
              onChange={setEmail}
              errors={errors.email}
            />
            <SubmitButton busy={busy}>Send the link</SubmitButton>
          </form>
        )}
        <p>
          <Link to={paths.signIn.href()}>Back to sign in</Link>
        </p>
      </div>
    </section>
  );
}
