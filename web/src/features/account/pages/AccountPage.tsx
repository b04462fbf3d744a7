import { useState, type ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { FormError } from '../../../components/FormError';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
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
  updateMe,
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

type Action = ReturnType<typeof useAction>;

/** One settings box, named by its heading. */
function SettingsSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section className="box" aria-labelledby={id}>
      <h2 id={id} className="title is-5">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * A settings form: the action's error, its message once done, the fields,
 * and the submit button (busy while the action runs) beside any others.
 */
function ActionForm({
  action,
  done,
  submit,
  submitClass = 'is-primary',
  otherButtons,
  children,
}: {
  action: Action;
  done?: ReactNode;
  submit: string;
  submitClass?: string;
  otherButtons?: ReactNode;
  children: ReactNode;
}) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void action.run();
      }}
      noValidate
    >
      <FormError error={action.error} />
      {action.done && done && (
        <p className="notification is-success is-light" role="status">
          {done}
        </p>
      )}
      {children}
      <div className="buttons">
        <SubmitButton busy={action.busy} className={submitClass}>
          {submit}
        </SubmitButton>
        {otherButtons}
      </div>
    </form>
  );
}

function AddressSection({ user }: { user: User }) {
  const resend = useAction(resendVerification);
  return (
    <SettingsSection id="account-address" title="Email address">
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
    </SettingsSection>
  );
}

function NameSection({ user }: { user: User }) {
  const { updateUser } = useAuth();
  const [name, setName] = useState(user.display_name);
  const save = useAction(async () => {
    const renamed = await updateMe({ display_name: name });
    updateUser(renamed);
    setName(renamed.display_name);
  });
  return (
    <SettingsSection id="account-name" title="Your name">
      <p className="mb-3">
        Shops see it on your orders and in your messages, and it signs your reviews.
      </p>
      <ActionForm
        action={save}
        done="Your name is saved."
        submit="Save name"
        submitClass="is-light"
      >
        <TextField
          label="Name"
          value={name}
          onChange={setName}
          errors={save.errors.display_name}
          autoComplete="name"
          maxLength={80}
        />
      </ActionForm>
    </SettingsSection>
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
    <SettingsSection id="account-password" title="Change password">
      <ActionForm
        action={change}
        done="Your password is changed. Every other device was signed out."
        submit="Change password"
      >
        <TextField
          label="Current password"
          type="password"
          value={current}
          onChange={setCurrent}
          errors={change.errors.current_password}
          autoComplete="current-password"
        />
        <TextField
          label="New password"
          type="password"
          value={next}
          onChange={setNext}
          errors={change.errors.new_password}
          autoComplete="new-password"
        />
      </ActionForm>
    </SettingsSection>
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
    <SettingsSection id="account-devices" title="Other devices">
      <p className="mb-3">
        Lost a phone, or signed in on a shared computer? Sign out everywhere but here.
      </p>
      <ActionForm
        action={signOut}
        done="Every other device is signed out."
        submit="Sign out other devices"
        submitClass="is-light"
      >
        <TextField
          label="Password, to confirm"
          type="password"
          value={password}
          onChange={setPassword}
          errors={signOut.errors.password}
          autoComplete="current-password"
        />
      </ActionForm>
    </SettingsSection>
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
    <SettingsSection id="account-email" title="Change email address">
      <ActionForm
        action={change}
        done={`We sent a link to ${sentTo}. Your address changes when you follow it.`}
        submit="Change email address"
      >
        <TextField
          label="New email address"
          type="email"
          autoComplete="email"
          value={email}
          onChange={setEmail}
          errors={change.errors.email}
        />
        <TextField
          label="Password"
          type="password"
          value={password}
          onChange={setPassword}
          errors={change.errors.password}
          autoComplete="current-password"
        />
      </ActionForm>
    </SettingsSection>
  );
}

function DownloadSection() {
  const download = useAction(downloadMyData);
  return (
    <SettingsSection id="account-data" title="Your data">
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
    </SettingsSection>
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
    <SettingsSection id="account-delete" title="Delete account">
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
        <ActionForm
          action={remove}
          submit="Delete my account for good"
          submitClass="is-danger"
          otherButtons={
            <button type="button" className="button is-light" onClick={() => setConfirming(false)}>
              Keep my account
            </button>
          }
        >
          <TextField
            label="Password, to confirm"
            type="password"
            value={password}
            onChange={setPassword}
            errors={remove.errors.password}
            autoComplete="current-password"
          />
        </ActionForm>
      )}
    </SettingsSection>
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
        <NameSection user={user} />
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
 * The signed-in user's settings: email address, name, saved shipping address,
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
