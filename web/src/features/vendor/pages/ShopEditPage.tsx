import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { Loading } from '../../../components/Loading';
import { SuccessMessage } from '../../../components/SuccessMessage';
import { paths } from '../../../config/paths';
import { fieldErrorsOf } from '../../../lib/api';
import type { Image, Shop, ShopInput } from '../../../lib/api/types';
import { DEFAULT_ACCENT, isHexColor } from '../../../lib/color';
import { usePageTitle } from '../../../lib/usePageTitle';
import { ShopHero, useMyShop, useSaveShop } from '../../shops';
import { ImagePicker } from '../../uploads';
import {
  ShippingRatesFields,
  draftsFrom,
  parseRates,
  rateErrorsOf,
  type RateDraft,
  type RateErrors,
} from '../components/ShippingRatesFields';
import { VendorNav } from '../components/VendorNav';

interface ShopForm {
  name: string;
  slug: string;
  description: string;
  accent_color: string;
  logo: Image | null;
  cover: Image | null;
  shipping_policy: string;
  returns_policy: string;
  shipping_rates: RateDraft[];
}

function formFrom(shop: Shop | null): ShopForm {
  return {
    name: shop?.name ?? '',
    slug: shop?.slug ?? '',
    description: shop?.description ?? '',
    accent_color: shop?.accent_color ?? DEFAULT_ACCENT,
    logo: shop?.logo ?? null,
    cover: shop?.cover ?? null,
    shipping_policy: shop?.shipping_policy ?? '',
    returns_policy: shop?.returns_policy ?? '',
    shipping_rates: draftsFrom(shop?.shipping_rates ?? []),
  };
}

function ShopEditor({ shop }: { shop: Shop | null }) {
  const [form, setForm] = useState(() => formFrom(shop));
  const [creating] = useState(shop === null);
  const set = (changes: Partial<ShopForm>) => setForm((f) => ({ ...f, ...changes }));
  const save = useSaveShop(shop);
  const errors = fieldErrorsOf(save.error);
  // The rates' rows in the order last sent, to put the server's errors on them.
  const [sentRates, setSentRates] = useState<number[]>([]);
  const [rateProblems, setRateProblems] = useState<RateErrors>();
  const rateErrors = rateProblems ?? rateErrorsOf(errors, sentRates);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const rates = parseRates(form.shipping_rates);
    setRateProblems(rates.errors);
    if (rates.errors) return;
    setSentRates(form.shipping_rates.map((rate) => rate.key));
    const input: ShopInput = {
      name: form.name.trim(),
      slug: form.slug.trim() || undefined,
      description: form.description,
      accent_color: form.accent_color.toLowerCase(),
      logo_image_id: form.logo?.id ?? null,
      cover_image_id: form.cover?.id ?? null,
      shipping_policy: form.shipping_policy,
      returns_policy: form.returns_policy,
      shipping_rates: rates.rates,
    };
    save.mutate(input, { onSuccess: (saved) => setForm(formFrom(saved)) });
  };

  return (
    <div className="columns">
      <form className="column is-6" onSubmit={submit} noValidate aria-label="Shop settings">
        <FormError error={save.error} />
        <SuccessMessage of={save.data}>
          {save.isSuccess && (
            <>
              Shop saved. <Link to={paths.shop.href(save.data.slug)}>View your shop</Link>
              {creating && (
                <>
                  {' '}
                  or <Link to={paths.vendor.newProduct.href()}>add a product</Link>
                </>
              )}
            </>
          )}
        </SuccessMessage>
        <Field label="Shop name" errors={errors.name}>
          {(props) => (
            <input
              {...props}
              className="input"
              required
              maxLength={80}
              value={form.name}
              onChange={(e) => set({ name: e.target.value })}
            />
          )}
        </Field>
        <Field
          label="Web address"
          errors={errors.slug}
          help={`Lower-case letters, digits and dashes. ${shop ? 'Changing it breaks old links.' : 'Leave empty to use the name.'}`}
        >
          {(props) => (
            <input
              {...props}
              className="input"
              maxLength={60}
              placeholder="my-shop"
              value={form.slug}
              onChange={(e) => set({ slug: e.target.value.toLowerCase() })}
            />
          )}
        </Field>
        <Field label="Description" errors={errors.description}>
          {(props) => (
            <textarea
              {...props}
              className="textarea"
              rows={3}
              maxLength={4000}
              value={form.description}
              onChange={(e) => set({ description: e.target.value })}
            />
          )}
        </Field>
        <Field
          label="Brand colour"
          errors={errors.accent_color}
          help="Used for your shop’s banner and accents."
        >
          {(props) => (
            <div className="is-flex is-align-items-center color-field">
              <input
                type="color"
                className="color-swatch"
                aria-label="Pick the brand colour"
                value={isHexColor(form.accent_color) ? form.accent_color : DEFAULT_ACCENT}
                onChange={(e) => set({ accent_color: e.target.value })}
              />
              <input
                {...props}
                className="input ml-2"
                maxLength={7}
                value={form.accent_color}
                onChange={(e) => set({ accent_color: e.target.value })}
              />
            </div>
          )}
        </Field>
        <ImagePicker label="Logo" image={form.logo} onChange={(logo) => set({ logo })} />
        {errors.logo_image_id && <p className="help is-danger">{errors.logo_image_id.join(' ')}</p>}
        <ImagePicker label="Cover" image={form.cover} onChange={(cover) => set({ cover })} />
        {errors.cover_image_id && (
          <p className="help is-danger">{errors.cover_image_id.join(' ')}</p>
        )}
        <ShippingRatesFields
          rates={form.shipping_rates}
          onChange={(shipping_rates) => set({ shipping_rates })}
          errors={rateErrors}
          listErrors={errors.shipping_rates}
        />
        <Field label="Shipping policy" errors={errors.shipping_policy}>
          {(props) => (
            <textarea
              {...props}
              className="textarea"
              rows={2}
              maxLength={4000}
              value={form.shipping_policy}
              onChange={(e) => set({ shipping_policy: e.target.value })}
            />
          )}
        </Field>
        <Field label="Returns policy" errors={errors.returns_policy}>
          {(props) => (
            <textarea
              {...props}
              className="textarea"
              rows={2}
              maxLength={4000}
              value={form.returns_policy}
              onChange={(e) => set({ returns_policy: e.target.value })}
            />
          )}
        </Field>
        <button
          type="submit"
          className={`button is-primary ${save.isPending ? 'is-loading' : ''}`}
          disabled={save.isPending}
        >
          {shop ? 'Save changes' : 'Create shop'}
        </button>
      </form>
      <div className="column is-6">
        <div className="preview-sticky">
          <h2 className="title is-6 has-text-grey">Live preview</h2>
          <div className="box p-0 preview-frame" data-testid="shop-preview">
            <ShopHero shop={form} headingLevel={2} />
          </div>
        </div>
      </div>
    </div>
  );
}

export function ShopEditPage() {
  const shop = useMyShop();
  usePageTitle(shop.data ? 'Shop settings' : 'Create your shop');
  return (
    <section className="section">
      <div className="container">
        <h1 className="title">{shop.data ? 'Shop settings' : 'Create your shop'}</h1>
        <VendorNav />
        {shop.isPending && <Loading />}
        <ErrorNotice error={shop.error} onRetry={() => shop.refetch()} />
        {shop.data !== undefined && <ShopEditor shop={shop.data} />}
      </div>
    </section>
  );
}
