import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { paths } from '../../../config/paths';
import type { Role } from '../../../lib/api/types';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useSubmit } from '../../../lib/useSubmit';
import { useAuth } from '../hooks/useAuth';
import { signUpFieldErrors } from '../utils/signUpMessages';
import { nextPath } from './SignInPage';

export function SignUpPage() {
  usePageTitle('Create an account');
  const { signUp } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form, setForm] = useState({
    display_name: '',
    email: '',
    password: '',
    role: (params.get('role') === 'vendor' ? 'vendor' : 'buyer') as Role,
  });
  const set = (changes: Partial<typeof form>) => setForm((f) => ({ ...f, ...changes }));
  const {
    submit,
    busy,
    error,
    errors: serverErrors,
  } = useSubmit(async () => {
    const user = await signUp(form);
    navigate(
      nextPath(params, user.role === 'vendor' ? paths.vendor.shop.href() : paths.home.href()),
      { replace: true },
    );
  });
  const errors = signUpFieldErrors(error, serverErrors);

  return (
    <section className="section">
      <div className="container narrow">
        <h1 className="title">Create an account</h1>
        <form className="box" onSubmit={submit} noValidate>
          <FormError error={error} />
          <fieldset className="field">
            <legend className="label">I want to</legend>
            <div className="control role-choice">
              {(
                [
                  ['buyer', 'Shop', 'Buy from independent shops'],
                  ['vendor', 'Sell', 'Open my own shop'],
                ] as const
              ).map(([role, title, text]) => (
                <label
                  key={role}
                  className={`box role-option ${form.role === role ? 'is-selected' : ''}`}
                >
                  <input
                    type="radio"
                    name="role"
                    value={role}
                    checked={form.role === role}
                    onChange={() => set({ role })}
                  />{' '}
                  <strong>{title}</strong>
                  <span className="is-block is-size-7">{text}</span>
                </label>
              ))}
            </div>
            {errors.role && <p className="help is-danger">{errors.role.join(' ')}</p>}
          </fieldset>
          <Field label="Your name" errors={errors.display_name}>
            {(props) => (
              <input
                {...props}
                className="input"
                autoComplete="name"
                required
                maxLength={80}
                value={form.display_name}
                onChange={(e) => set({ display_name: e.target.value })}
              />
            )}
          </Field>
          <Field label="Email" errors={errors.email}>
            {(props) => (
              <input
                {...props}
                className="input"
                type="email"
                autoComplete="email"
                required
                value={form.email}
                onChange={(e) => set({ email: e.target.value })}
              />
            )}
          </Field>
          <Field label="Password" errors={errors.password} help="At least 8 characters.">
            {(props) => (
              <input
                {...props}
                className="input"
                type="password"
                autoComplete="new-password"
                required
                minLength={8}
                value={form.password}
                onChange={(e) => set({ password: e.target.value })}
              />
            )}
          </Field>
          <button
            type="submit"
            className={`button is-primary ${busy ? 'is-loading' : ''}`}
            disabled={busy}
          >
            Create account
          </button>
        </form>
        <p>
          Already have an account? <Link to={paths.signIn.href(params)}>Sign in</Link>
        </p>
      </div>
    </section>
  );
}
