import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { SubmitButton } from '../../../components/SubmitButton';
import { paths } from '../../../config/paths';
import { usePageTitle } from '../../../lib/usePageTitle';
import { Amounts, cartTotals, useCart } from '../../cart';
import { AddressFields } from '../components/AddressFields';
import { CardFields } from '../components/CardFields';
import { OrderSummary } from '../components/OrderSummary';
import { PaymentProblem } from '../components/PaymentProblem';
import { useCheckoutForm } from '../hooks/useCheckoutForm';

function EmptyCart() {
  return (
    <section className="section">
      <div className="container">
        <h1 className="title">Checkout</h1>
        <EmptyState
          title="Your cart is empty"
          action={
            <Link to={paths.search.href()} className="button is-primary">
              Browse products
            </Link>
          }
        />
      </div>
    </section>
  );
}

export function CheckoutPage() {
  usePageTitle('Checkout');
  const cart = useCart();
  const {
    address,
    setAddress,
    keepAddress,
    setKeepAddress,
    card,
    setCard,
    errors,
    problem,
    busy,
    pay,
    submit,
  } = useCheckoutForm();

  if (cart.isPending) return <Loading />;
  const data = cart.data;
  if (data && data.items.length === 0 && !pay.isPending && !pay.isSuccess) return <EmptyCart />;

  return (
    <section className="section">
      <div className="container">
        <h1 className="title">Checkout</h1>
        <ErrorNotice error={cart.error} />
        {/* The summary comes first: above the Pay button on a phone, where the
            columns stack; beside the form, on its right, from tablet width. */}
        <div className="columns is-flex-direction-row-reverse">
          <aside className="column is-5">
            <OrderSummary cart={data} />
          </aside>
          <form
            className="column is-7"
            onSubmit={(event) => void submit(event)}
            noValidate
            aria-label="Checkout"
          >
            <PaymentProblem error={problem} />
            <div className="box">
              <AddressFields address={address} onChange={setAddress} errors={errors} />
              <label className="checkbox mt-2">
                <input
                  type="checkbox"
                  className="mr-2"
                  checked={keepAddress}
                  onChange={(e) => setKeepAddress(e.target.checked)}
                />
                Save this address for next time
              </label>
            </div>
            <div className="box">
              <CardFields card={card} onChange={setCard} errors={errors} />
            </div>
            <SubmitButton busy={busy} className="is-primary is-medium is-fullwidth">
              Pay
              {data && (
                <span className="ml-2">
                  <Amounts amounts={cartTotals(data)} />
                </span>
              )}
            </SubmitButton>
          </form>
        </div>
      </div>
    </section>
  );
}
