import { useEffect } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { NotFoundPage } from '../../../components/NotFoundPage';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useConversation } from '../api/get-conversation';
import { useMarkRead, useSendMessage } from '../api/send-message';
import { MessageForm } from '../components/MessageForm';
import { MessageList } from '../components/MessageList';
import { otherParty, subjectOf } from './InboxPage';

/** One conversation: its messages, oldest first, and the reply form. Opening it reads it. */
export function ThreadPage() {
  const id = Number(useParams().id);
  const thread = useConversation(id);
  const send = useSendMessage(id);
  const markRead = useMarkRead(id);
  const { mutate: read } = markRead;
  const data = thread.data;
  const newest = data?.messages.items[0];
  usePageTitle(data ? `Messages with ${otherParty(data)}` : 'Messages');

  const unreadUpTo = data && data.unread > 0 && newest ? newest.id : 0;
  useEffect(() => {
    if (unreadUpTo) read(unreadUpTo);
  }, [unreadUpTo, read]);

  if (thread.error instanceof ApiError && thread.error.status === 404)
    return <NotFoundPage what="conversation" />;
  if (thread.isPending) return <Loading />;
  if (!data) {
    return (
      <section className="section">
        <ErrorNotice error={thread.error} onRetry={() => thread.refetch()} />
      </section>
    );
  }
  const messages = [...data.messages.items].reverse();
  return (
    <section className="section">
      <div className="container is-max-tablet">
        <nav className="breadcrumb" aria-label="Breadcrumb">
          <ul>
            <li>
              <Link to={paths.messages.href()}>Messages</Link>
            </li>
            <li className="is-active">
              <a aria-current="page">{otherParty(data)}</a>
            </li>
          </ul>
        </nav>
        <h1 className="title is-4">{otherParty(data)}</h1>
        <p className="subtitle is-6">
          {data.product ? (
            <Link to={paths.product.href(data.product.id)}>{data.product.name}</Link>
          ) : data.order_id ? (
            <Link to={paths.order.href(data.order_id)}>{subjectOf(data)}</Link>
          ) : (
            subjectOf(data)
          )}
        </p>
        {data.messages.total > data.messages.items.length && (
          <p className="is-size-7 has-text-grey mb-2">
            Showing the newest {data.messages.items.length} of {data.messages.total} messages.
          </p>
        )}
        <MessageList messages={messages} otherReadUpTo={data.other_read_up_to} />
        <MessageForm
          label="Your reply"
          submitLabel="Send"
          pending={send.isPending}
          error={send.error}
          onSend={(input, key) => send.mutateAsync({ input, key })}
        />
      </div>
    </section>
  );
}
