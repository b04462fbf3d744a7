import { useState } from 'react';
import { Navigate } from 'react-router-dom';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { paths } from '../../../config/paths';
import { errorMessage } from '../../../lib/api';
import type { User } from '../../../lib/api/types';
import { usePageTitle } from '../../../lib/usePageTitle';
import { RequireAuth, useAuth } from '../../auth';
import {
  changeEmail,
  changePassword,
  deleteAccount,
  downloadMyData,
  logoutOthers,
  resendVerification,
} from '../api/settings';
import { SavedAddressSection } from '../components/SavedAddressSection';

/** A form's state that stays on the page after success (unlike useSubmit's). */
function useAction(action: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await action();
      setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const errors =
    error && typeof error === 'object' && 'fieldErrors' in error
      ? (error.fieldErrors as Record<string, string[]>)
      : {};
  return { run, busy, error, errors, done };
}

function PasswordInput({
  label,
  value,
  onChange,
  errors,
  autoComplete,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
  autoComplete: string;
}) {
  return (
    <Field label={label} errors={errors}>
      {(props) => (
        <input
          {...props}
          className="input"
          type="password"
          autoComplete={autoComplete}
          required
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

function AddressSection({ user }: { user: User }) {
  const resend = useAction(resendVerification);
  return (
    <section className="box" aria-labelledby="account-address">
      <h2 id="account-address" className="title is-5">
        Email address
      </h2>
      <p>
        {user.email}{' '}
        {user.email_verified ? (
          <span className="tag is-success is-light">Confirmed</span>
        ) : (
          <span className="tag is-warning is-light">Not confirmed</span>
        )}
      </p>
      {!user.email_verified && (
        <div className="mt-3">
          <FormError error={resend.error} />
          {resend.done && (
            <p className="notification is-success is-light" role="status">
              A new link is on its way to {user.email}.
            </p>
          )}
          <button
            type="button"
            className={`button is-light ${resend.busy ? 'is-loading' : ''}`}
            disabled={resend.busy}
            onClick={() => void resend.run()}
          >
            Send the confirmation link again
          </button>
        </div>
      )}
    </section>
  );
}

function ChangePasswordSection() {
  const { resumeWith } = useAuth();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const change = useAction(async () => {
    await resumeWith(await changePassword({ current_password: current, new_password: next }));
    setCurrent('');
    setNext('');
  });
  return (
    <section className="box" aria-labelledby="account-password">
      <h2 id="account-password" className="title is-5">
        Change password
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void change.run();
        }}
        noValidate
      >
        <FormError error={change.error} />
        {change.done && (
          <p className="notification is-success is-light" role="status">
            Your password is changed. Every other device was signed out.
          </p>
        )}
        <PasswordInput
          label="Current password"
          value={current}
          onChange={setCurrent}
          errors={change.errors.current_password}
          autoComplete="current-password"
        />
        <PasswordInput
          label="New password"
          value={next}
          onChange={setNext}
          errors={change.errors.new_password}
          autoComplete="new-password"
        />
        <button
          type="submit"
          className={`button is-primary ${change.busy ? 'is-loading' : ''}`}
          disabled={change.busy}
        >
          Change password
        </button>
      </form>
    </section>
  );
}

function SignOutOthersSection() {
  const { resumeWith } = useAuth();
  const [password, setPassword] = useState('');
  const signOut = useAction(async () => {
    await resumeWith(await logoutOthers({ password }));
    setPassword('');
  });
  return (
    <section className="box" aria-labelledby="account-devices">
      <h2 id="account-devices" className="title is-5">
        Other devices
      </h2>
      <p className="mb-3">
        Lost a phone, or signed in on a shared computer? Sign out everywhere but here.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void signOut.run();
        }}
        noValidate
      >
        <FormError error={signOut.error} />
        {signOut.done && (
          <p className="notification is-success is-light" role="status">
            Every other device is signed out.
          </p>
        )}
        <PasswordInput
          label="Password, to confirm"
          value={password}
          onChange={setPassword}
          errors={signOut.errors.password}
          autoComplete="current-password"
        />
        <button
          type="submit"
          className={`button is-light ${signOut.busy ? 'is-loading' : ''}`}
          disabled={signOut.busy}
        >
          Sign out other devices
        </button>
      </form>
    </section>
  );
}

function ChangeEmailSection() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sentTo, setSentTo] = useState('');
  const change = useAction(async () => {
    await changeEmail({ email, password });
    setSentTo(email);
    setPassword('');
  });
  return (
    <section className="box" aria-labelledby="account-email">
      <h2 id="account-email" className="title is-5">
        Change email address
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void change.run();
        }}
        noValidate
      >
        <FormError error={change.error} />
        {change.done && (
          <p className="notification is-success is-light" role="status">
            We sent a link to {sentTo}. Your address changes when you follow it.
          </p>
        )}
        <Field label="New email address" errors={change.errors.email}>
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
        <PasswordInput
          label="Password"
          value={password}
          onChange={setPassword}
          errors={change.errors.password}
          autoComplete="current-password"
        />
        <button
          type="submit"
          className={`button is-primary ${change.busy ? 'is-loading' : ''}`}
          disabled={change.busy}
        >
          Change email address
        </button>
      </form>
    </section>
  );
}

function DownloadSection() {
  const download = useAction(downloadMyData);
  return (
    <section className="box" aria-labelledby="account-data">
      <h2 id="account-data" className="title is-5">
        Your data
      </h2>
      <p className="mb-3">Everything we keep about you, as one JSON file.</p>
      {download.error !== null && (
        <p className="notification is-danger is-light" role="alert">
          {errorMessage(download.error)}
        </p>
      )}
      <button
        type="button"
        className={`button is-light ${download.busy ? 'is-loading' : ''}`}
        disabled={download.busy}
        onClick={() => void download.run()}
      >
        Download my data
      </button>
    </section>
  );
}

function DeleteSection({ onDeleted }: { onDeleted: () => void }) {
  const { forget } = useAuth();
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState('');
  const remove = useAction(async () => {
    await deleteAccount(password);
    // In one render: the page goes home rather than asking a guest to sign in.
    onDeleted();
    forget();
  });
  return (
    <section className="box" aria-labelledby="account-delete">
      <h2 id="account-delete" className="title is-5">
        Delete account
      </h2>
      <p className="mb-3">
        Your personal data is removed. Shops keep the orders you placed, without your name or
        address. A shop with orders under way, or money still to be paid out, has to finish them
        first.
      </p>
      {!confirming ? (
        <button
          type="button"
          className="button is-danger is-light"
          onClick={() => setConfirming(true)}
        >
          Delete my account…
        </button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void remove.run();
          }}
          noValidate
        >
          <FormError error={remove.error} />
          <PasswordInput
            label="Password, to confirm"
            value={password}
            onChange={setPassword}
            errors={remove.errors.password}
            autoComplete="current-password"
          />
          <div className="buttons">
            <button
              type="submit"
              className={`button is-danger ${remove.busy ? 'is-loading' : ''}`}
              disabled={remove.busy}
            >
              Delete my account for good
            </button>
            <button type="button" className="button is-light" onClick={() => setConfirming(false)}>
              Keep my account
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function AccountSettings({ onDeleted }: { onDeleted: () => void }) {
  const { user } = useAuth();
  if (!user) return null;
  return (
    <section className="section">
      <div className="container narrow">
        <h1 className="title">Your account</h1>
        <AddressSection user={user} />
        <SavedAddressSection user={user} />
        <ChangePasswordSection />
        <SignOutOthersSection />
        <ChangeEmailSection />
        <DownloadSection />
        <DeleteSection onDeleted={onDeleted} />
      </div>
    </section>
  );
}

/**
 * The signed-in user's settings: email address, saved shipping address,
 * password, the other devices' sessions, data and deletion. A
 * guest is asked to sign in, except right after deleting the account.
 */
export function AccountPage() {
  usePageTitle('Your account');
  const [deleted, setDeleted] = useState(false);
  if (deleted) return <Navigate to={paths.home.href()} replace />;
  return (
    <RequireAuth>
      <AccountSettings onDeleted={() => setDeleted(true)} />
    </RequireAuth>
  );
}
