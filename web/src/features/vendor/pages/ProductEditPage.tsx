import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { Loading } from '../../../components/Loading';
import { NotFoundPage } from '../../../components/NotFoundPage';
import { paths } from '../../../config/paths';
import { ApiError, fieldErrorsOf } from '../../../lib/api';
import type { Product, ProductInput, ProductStatus } from '../../../lib/api/types';
import { CURRENCIES, centsToAmount, parseAmountToCents } from '../../../lib/money';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useCategories, useProduct, useSaveProduct } from '../../catalog';
import { ImageUploader, type ImageDraft } from '../../uploads';
import { VendorNav } from '../components/VendorNav';
import { useConfirmLeave } from '../hooks/useConfirmLeave';

/** The server's limit for a product's name. */
const NAME_LIMIT = 120;

function ProductEditor({ product, categories }: { product: Product | null; categories: string[] }) {
  const navigate = useNavigate();
  const [initial] = useState(() => ({
    name: product?.name ?? '',
    description: product?.description ?? '',
    category: product?.category ?? '',
    price: centsToAmount(product?.price_cents),
    currency: product?.currency ?? 'USD',
    inventory: String(product?.inventory ?? 1),
    status: (product?.status ?? 'active') as ProductStatus,
  }));
  const [form, setForm] = useState(initial);
  const [initialImages] = useState<ImageDraft[]>(
    () => product?.images.map((image) => ({ image, alt_text: image.alt_text ?? '' })) ?? [],
  );
  const [images, setImages] = useState(initialImages);
  const [nameCut, setNameCut] = useState(false);
  const [priceError, setPriceError] = useState<string[]>();
  const set = (changes: Partial<typeof form>) => setForm((f) => ({ ...f, ...changes }));

  const save = useSaveProduct(product);
  const errors = fieldErrorsOf(save.error);
  const edited =
    (Object.keys(form) as (keyof typeof form)[]).some((key) => form[key] !== initial[key]) ||
    JSON.stringify(images) !== JSON.stringify(initialImages);
  const leaveWithoutAsking = useConfirmLeave(
    edited && !save.isSuccess,
    'Leave this page? Your changes to this product are not saved.',
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cents = parseAmountToCents(form.price);
    if (cents === undefined) {
      setPriceError(['Enter a price like 12 or 12.50.']);
      return;
    }
    setPriceError(undefined);
    const input: ProductInput = {
      name: form.name.trim(),
      description: form.description,
      // The server checks both against its lists (GET /api/categories).
      category: form.category as ProductInput['category'],
      price_cents: cents,
      currency: form.currency as ProductInput['currency'],
      inventory: Number(form.inventory),
      status: form.status,
      images: images.map((d) => ({ image_id: d.image.id, alt_text: d.alt_text || undefined })),
    };
    save.mutate(input, {
      onSuccess: (saved) => {
        leaveWithoutAsking();
        navigate(paths.vendor.products.href(), { state: { saved: saved.name } });
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={product ? 'Edit product' : 'New product'}>
      <FormError error={save.error} />
      <div className="columns">
        <div className="column is-6">
          <Field
            label="Name"
            errors={errors.name}
            help={
              <span data-testid="name-count">
                {nameCut && 'The pasted name was cut to 120 characters; check its end. '}
                {form.name.length} / {NAME_LIMIT} characters
              </span>
            }
          >
            {(props) => (
              <input
                {...props}
                className="input"
                required
                maxLength={NAME_LIMIT}
                value={form.name}
                onChange={(e) => set({ name: e.target.value })}
                onPaste={(e) => {
                  const input = e.currentTarget;
                  const selected = (input.selectionEnd ?? 0) - (input.selectionStart ?? 0);
                  const pasted = e.clipboardData.getData('text').length;
                  setNameCut(input.value.length - selected + pasted > NAME_LIMIT);
                }}
              />
            )}
          </Field>
          <Field label="Description" errors={errors.description}>
            {(props) => (
              <textarea
                {...props}
                className="textarea"
                rows={5}
                maxLength={5000}
                value={form.description}
                onChange={(e) => set({ description: e.target.value })}
              />
            )}
          </Field>
          <Field label="Category" errors={errors.category}>
            {(props) => (
              <div className="select is-fullwidth">
                <select
                  {...props}
                  required
                  value={form.category}
                  onChange={(e) => set({ category: e.target.value })}
                >
                  <option value="">Choose a category</option>
                  {categories.map((c) => (
                    <option key={c} value={c}>
                      {c.charAt(0).toUpperCase() + c.slice(1)}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </Field>
          <div className="columns is-mobile">
            <Field className="column" label="Price" errors={priceError ?? errors.price_cents}>
              {(props) => (
                <input
                  {...props}
                  className="input"
                  inputMode="decimal"
                  placeholder="12.50"
                  value={form.price}
                  onChange={(e) => set({ price: e.target.value })}
                />
              )}
            </Field>
            <Field className="column is-narrow" label="Currency" errors={errors.currency}>
              {(props) => (
                <div className="select">
                  <select
                    {...props}
                    value={form.currency}
                    onChange={(e) => set({ currency: e.target.value })}
                  >
                    {CURRENCIES.map((c) => (
                      <option key={c}>{c}</option>
                    ))}
                  </select>
                </div>
              )}
            </Field>
          </div>
          <div className="columns is-mobile">
            <Field className="column" label="In stock" errors={errors.inventory}>
              {(props) => (
                <input
                  {...props}
                  className="input"
                  type="number"
                  min={0}
                  max={1000000}
                  value={form.inventory}
                  onChange={(e) => set({ inventory: e.target.value })}
                />
              )}
            </Field>
            <Field
              className="column"
              label="Status"
              errors={errors.status}
              help="Drafts are hidden from buyers."
            >
              {(props) => (
                <div className="select is-fullwidth">
                  <select
                    {...props}
                    value={form.status}
                    onChange={(e) => set({ status: e.target.value as ProductStatus })}
                  >
                    <option value="active">Active</option>
                    <option value="draft">Draft</option>
                  </select>
                </div>
              )}
            </Field>
          </div>
        </div>
        <div className="column is-6">
          <fieldset>
            <legend className="label">Images</legend>
            <ImageUploader images={images} onChange={setImages} />
            {errors.images && <p className="help is-danger">{errors.images.join(' ')}</p>}
          </fieldset>
        </div>
      </div>
      <div className="buttons">
        <button
          type="submit"
          className={`button is-primary ${save.isPending ? 'is-loading' : ''}`}
          disabled={save.isPending}
        >
          {product ? 'Save product' : 'Create product'}
        </button>
        <Link to={paths.vendor.products.href()} className="button is-light">
          Cancel
        </Link>
      </div>
    </form>
  );
}

export function ProductEditPage() {
  const { id } = useParams();
  const productId = id ? Number(id) : null;
  usePageTitle(productId ? 'Edit product' : 'New product');
  const product = useProduct(productId);
  const categories = useCategories();

  if (
    productId !== null &&
    (!(productId > 0) || (product.error instanceof ApiError && product.error.status === 404))
  ) {
    return <NotFoundPage what="product" />;
  }
  const ready = categories.data && (productId === null || product.data);
  return (
    <section className="section">
      <div className="container">
        <h1 className="title">
          {productId ? `Edit ${product.data?.name ?? 'product'}` : 'New product'}
        </h1>
        <VendorNav />
        <ErrorNotice error={product.error ?? categories.error} />
        {!ready && !product.error && !categories.error && <Loading />}
        {ready && (
          <ProductEditor product={product.data ?? null} categories={categories.data.items} />
        )}
      </div>
    </section>
  );
}
