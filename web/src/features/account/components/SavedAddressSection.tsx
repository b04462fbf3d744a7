import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FormError } from '../../../components/FormError';
import { Loading } from '../../../components/Loading';
import { addressLines } from '../../../lib/address';
import { errorMessage, fieldErrorsOf, type FieldErrors } from '../../../lib/api';
import type { Address, User } from '../../../lib/api/types';
import {
  AddressFields,
  EMPTY_ADDRESS,
  useForgetAddress,
  useSaveAddress,
  useSavedAddress,
} from '../../checkout';

/** The server names an address's fields bare ("city"); the form, as checkout's ("shipping_address.city"). */
const asShippingErrors = (errors: FieldErrors): FieldErrors =>
  Object.fromEntries(
    Object.entries(errors).map(([key, list]) => [`shipping_address.${key}`, list]),
  );

/**
 * The address checkout offers first (GET /api/me/address): shown, edited,
 * or cleared. Each button is disabled while its request is under way, so a
 * double click sends it once.
 */
export function SavedAddressSection({ user }: { user: User }) {
  const saved = useSavedAddress(user.id);
  const save = useSaveAddress(user.id);
  const forget = useForgetAddress(user.id);
  const [draft, setDraft] = useState<Address | null>(null);
  const [done, setDone] = useState('');
  // Where focus goes once the form opens or closes: its first field, or the
  // first button left (the one clicked is gone from the page).
  const focusNext = useRef<'form' | 'buttons' | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!focusNext.current) return;
    const selector = focusNext.current === 'form' ? 'form input' : '.buttons button';
    sectionRef.current?.querySelector<HTMLElement>(selector)?.focus();
    focusNext.current = null;
  });
  // Set at the click, before the render that disables the buttons (TanStack
  // Query reports isPending a task later): a second click in between is dropped.
  const writing = useRef(false);
  const busy = save.isPending || forget.isPending;
  const doneWriting = () => {
    writing.current = false;
  };
  const address = saved.data?.address ?? null;

  const edit = () => {
    save.reset();
    forget.reset();
    setDone('');
    setDraft({ ...EMPTY_ADDRESS, name: user.display_name, ...address });
    focusNext.current = 'form';
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft || writing.current) return;
    writing.current = true;
    const input: Address = {
      ...draft,
      line2: draft.line2?.trim() || undefined,
      region: draft.region?.trim() || undefined,
    };
    save.mutate(input, {
      onSuccess: () => {
        setDraft(null);
        setDone('Your address is saved. Checkout offers it first.');
        focusNext.current = 'buttons';
      },
      onSettled: doneWriting,
    });
  };
  const clear = () => {
    if (writing.current) return;
    writing.current = true;
    setDone('');
    save.reset();
    forget.mutate(undefined, {
      onSuccess: () => {
        setDone('Your address is removed.');
        focusNext.current = 'buttons';
      },
      onSettled: doneWriting,
    });
  };

  return (
    <section className="box" aria-labelledby="account-saved-address" ref={sectionRef}>
      <h2 id="account-saved-address" className="title is-5">
        Saved address
      </h2>
      {done && (
        <p className="notification is-success is-light" role="status">
          {done}
        </p>
      )}
      {saved.isPending && <Loading />}
      {saved.error && (
        <p className="notification is-danger is-light" role="alert">
          {errorMessage(saved.error)}
        </p>
      )}
      {draft ? (
        <form onSubmit={submit} noValidate aria-label="Saved address">
          <FormError error={save.error} />
          <AddressFields
            address={draft}
            onChange={(next) =>
              setDraft((before) => (typeof next === 'function' ? next(before!) : next))
            }
            errors={asShippingErrors(fieldErrorsOf(save.error))}
          />
          <div className="buttons mt-4">
            <button
              type="submit"
              className={`button is-primary ${save.isPending ? 'is-loading' : ''}`}
              disabled={busy}
            >
              Save address
            </button>
            <button
              type="button"
              className="button is-light"
              disabled={busy}
              onClick={() => {
                setDraft(null);
                focusNext.current = 'buttons';
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        saved.data && (
          <>
            {address ? (
              <address className="mb-3" data-testid="saved-address">
                {addressLines(address).map((line, index) => (
                  <span key={index}>
                    {line}
                    <br />
                  </span>
                ))}
              </address>
            ) : (
              <p className="mb-3">
                No address is saved. Checkout can keep the one you ship to, or add one here.
              </p>
            )}
            <FormError error={forget.error} />
            <div className="buttons">
              <button type="button" className="button is-light" disabled={busy} onClick={edit}>
                {address ? 'Edit address' : 'Add an address'}
              </button>
              {address && (
                <button
                  type="button"
                  className={`button is-danger is-light ${forget.isPending ? 'is-loading' : ''}`}
                  disabled={busy}
                  onClick={clear}
                >
                  Remove address
                </button>
              )}
            </div>
          </>
        )
      )}
    </section>
  );
}
