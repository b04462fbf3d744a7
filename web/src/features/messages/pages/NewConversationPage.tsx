import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useStartConversation, useWriteAboutOrder } from '../api/send-message';
import { MessageForm } from '../components/MessageForm';

const idParam = (value: string | null) => {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : undefined;
};

/**
 * Writing to a shop (from "Contact shop" or "Ask about this order"), or to an
 * order's buyer (a vendor's "Message the buyer": an order and no shop); then
 * the thread.
 */
export function NewConversationPage() {
  const [params] = useSearchParams();
  const state = (useLocation().state ?? {}) as {
    shopName?: string;
    productName?: string;
    buyerName?: string;
  };
  const navigate = useNavigate();
  const start = useStartConversation();
  const aboutOrder = useWriteAboutOrder();
  const shop = idParam(params.get('shop'));
  const product = idParam(params.get('product'));
  const order = idParam(params.get('order'));
  const toBuyer = !shop && order !== undefined;
  const to = toBuyer ? (state.buyerName ?? 'the buyer') : (state.shopName ?? 'the shop');
  const sending = toBuyer ? aboutOrder : start;
  usePageTitle(`Write to ${to}`);
  const about = order
    ? `About ${toBuyer ? 'order' : 'your order'} #${order}`
    : product
      ? `About ${state.productName ?? 'a product'}`
      : undefined;

  return (
    <section className="section">
      <div className="container is-max-tablet">
        <h1 className="title is-4">Write to {to}</h1>
        {about && <p className="subtitle is-6">{about}</p>}
        {shop || toBuyer ? (
          <MessageForm
            label="Your message"
            submitLabel="Send message"
            pending={sending.isPending}
            error={sending.error}
            onSend={async (input, key) => {
              const sent = shop
                ? await start.mutateAsync({
                    input: { ...input, shop_id: shop, product_id: product, order_id: order },
                    key,
                  })
                : await aboutOrder.mutateAsync({ orderId: order!, input, key });
              navigate(paths.conversation.href(sent.conversation.id), { replace: true });
            }}
          />
        ) : (
          <p className="notification is-warning is-light">
            Choose a shop first: use “Contact shop” on its page.
          </p>
        )}
      </div>
    </section>
  );
}
