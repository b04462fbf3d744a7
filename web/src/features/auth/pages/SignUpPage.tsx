import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { FormError } from '../../../components/FormError';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { paths } from '../../../config/paths';
import type { Role } from '../../../lib/api/types';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useSubmit } from '../../../lib/useSubmit';
import { useAuth } from '../hooks/useAuth';
import { signUpFieldErrors } from '../utils/signUpMessages';
import { useGoOn, useNextState } from './SignInPage';

export function SignUpPage() {
  usePageTitle('Create an account');
  const { signUp } = useAuth();
  const goOn = useGoOn();
  const [params] = useSearchParams();
  const nextState = useNextState();
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
    goOn(user.role === 'vendor' ? paths.vendor.shop.href() : paths.home.href());
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
          <TextField
            label="Your name"
            autoComplete="name"
            maxLength={80}
            value={form.display_name}
            onChange={(display_name) => set({ display_name })}
            errors={errors.display_name}
          />
          <TextField
            label="Email"
            type="email"
            autoComplete="email"
            value={form.email}
            onChange={(email) => set({ email })}
            errors={errors.email}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            minLength={8}
            help="At least 8 characters."
            value={form.password}
            onChange={(password) => set({ password })}
            errors={errors.password}
          />
          <SubmitButton busy={busy}>Create account</SubmitButton>
        </form>
        <p>
          Already have an account?{' '}
          <Link to={paths.signIn.href(params)} state={{ nextState }}>
            Sign in
          </Link>
        </p>
      </div>
    </section>
  );
}
