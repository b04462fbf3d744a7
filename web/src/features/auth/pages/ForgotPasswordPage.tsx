import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
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
            <button
              type="submit"
              className={`button is-primary ${busy ? 'is-loading' : ''}`}
              disabled={busy}
            >
              Send the link
            </button>
          </form>
        )}
        <p>
          <Link to={paths.signIn.href()}>Back to sign in</Link>
        </p>
      </div>
    </section>
  );
}
