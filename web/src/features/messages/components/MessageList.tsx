import type { Message } from '../../../lib/api/types';
import { formatDateTime } from '../../../lib/dates';

/** A thread's messages, oldest first, each with its images. */
export function MessageList({
  messages,
  otherReadUpTo,
}: {
  messages: Message[];
  otherReadUpTo: number;
}) {
  const lastMine = messages.filter((m) => m.mine).at(-1);
  return (
    <ol className="message-list" aria-label="Messages">
      {messages.map((message) => (
        <li
          key={message.id}
          className={`message-item ${message.mine ? 'is-mine' : 'is-theirs'}`}
          data-testid="message"
        >
          <p className="is-size-7 has-text-grey-dark">
            <strong>{message.mine ? 'You' : message.sender.display_name}</strong>{' '}
            <time dateTime={message.created_at}>{formatDateTime(message.created_at)}</time>
          </p>
          <p className="message-body">{message.body}</p>
          {message.images.length > 0 && (
            <ul className="message-images">
              {message.images.map((image, index) => (
                <li key={image.id}>
                  <a href={image.urls.large} target="_blank" rel="noreferrer">
                    <img
                      src={image.urls.small}
                      alt={`Image ${index + 1} from ${message.mine ? 'you' : message.sender.display_name}`}
                      width={160}
                      loading="lazy"
                    />
                  </a>
                </li>
              ))}
            </ul>
          )}
          {message === lastMine && otherReadUpTo >= message.id && (
            <p className="is-size-7 has-text-grey-dark">Seen</p>
          )}
        </li>
      ))}
    </ol>
  );
}
