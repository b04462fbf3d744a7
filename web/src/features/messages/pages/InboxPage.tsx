import { useState } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { Pagination } from '../../../components/Pagination';
import { paths } from '../../../config/paths';
import type { Conversation } from '../../../lib/api/types';
import { formatDateTime } from '../../../lib/dates';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useConversations } from '../api/get-conversations';

/** Who the viewer talks to in a thread: the shop for its buyer, the buyer for the vendor. */
export function otherParty(conversation: Conversation) {
  return conversation.role === 'buyer' ? conversation.shop.name : conversation.buyer.display_name;
}

/** What a thread is about, in a few words. */
export function subjectOf(conversation: Conversation) {
  if (conversation.order_id) return `Order #${conversation.order_id}`;
  if (conversation.product) return conversation.product.name;
  return 'General question';
}

function ConversationRow({ conversation }: { conversation: Conversation }) {
  const last = conversation.last_message;
  return (
    <li className={`box conversation-row ${conversation.unread ? 'is-unread' : ''}`}>
      <Link to={paths.conversation.href(conversation.id)} className="conversation-link">
        <span className="conversation-party has-text-weight-semibold">
          {otherParty(conversation)}
        </span>{' '}
        <span className="tag is-light">{conversation.role === 'buyer' ? 'Shop' : 'Buyer'}</span>{' '}
        <span className="has-text-grey">{subjectOf(conversation)}</span>
        {conversation.unread > 0 && (
          <span className="tag is-danger is-rounded ml-2" data-testid="thread-unread">
            {conversation.unread} unread
          </span>
        )}
      </Link>
      {last && (
        <p className="conversation-excerpt mt-1">
          <span className="has-text-grey">{last.mine ? 'You: ' : ''}</span>
          {last.body.length > 140 ? `${last.body.slice(0, 140)}…` : last.body}
        </p>
      )}
      <p className="is-size-7 has-text-grey">
        <time dateTime={conversation.last_message_at}>
          {formatDateTime(conversation.last_message_at)}
        </time>
      </p>
    </li>
  );
}

/** My conversations, as a buyer with shops and as a vendor with my shop's buyers. */
export function InboxPage() {
  usePageTitle('Messages');
  const [page, setPage] = useState(1);
  const conversations = useConversations(page);
  return (
    <section className="section">
      <div className="container">
        <h1 className="title">Messages</h1>
        <ErrorNotice error={conversations.error} onRetry={() => conversations.refetch()} />
        {conversations.isPending ? (
          <Loading />
        ) : conversations.data?.items.length === 0 ? (
          <EmptyState title="No messages yet">
            Write to a shop from its page, a product or one of your orders.
          </EmptyState>
        ) : (
          <ul className="conversation-list" aria-label="Conversations">
            {conversations.data?.items.map((conversation) => (
              <ConversationRow key={conversation.id} conversation={conversation} />
            ))}
          </ul>
        )}
        {conversations.data && (
          <Pagination page={page} pages={conversations.data.pages} onPage={setPage} />
        )}
      </div>
    </section>
  );
}
