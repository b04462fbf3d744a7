import { useState } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { Pagination } from '../../../components/Pagination';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/dates';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useMailbox } from '../api/mailbox';

/**
 * The development mailbox: every mail this local server wrote (it keeps them
 * as .eml files when no SMTP server is configured), newest first.
 */
export function MailboxPage() {
  usePageTitle('Development mailbox');
  const [page, setPage] = useState(1);
  const mails = useMailbox(page);
  return (
    <section className="section">
      <div className="container">
        <h1 className="title">Development mailbox</h1>
        <p className="subtitle is-6">
          The mails this local server wrote instead of sending them (no SMTP server is configured).
          Only for a local instance.
        </p>
        {mails.isPending && <Loading />}
        <ErrorNotice error={mails.error} onRetry={() => mails.refetch()} />
        {mails.data?.items.length === 0 && <EmptyState title="No mails yet" />}
        {!!mails.data?.items.length && (
          <div className="table-container">
            <table className="table is-fullwidth is-hoverable" data-testid="mailbox">
              <thead>
                <tr>
                  <th scope="col">Subject</th>
                  <th scope="col">To</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Written</th>
                </tr>
              </thead>
              <tbody>
                {mails.data.items.map((mail) => (
                  <tr key={mail.id} data-testid="mailbox-row">
                    <td>
                      <Link to={paths.devMailboxMail.href(mail.id)}>{mail.subject}</Link>
                    </td>
                    <td>{mail.to}</td>
                    <td>
                      <span className="tag">{mail.kind}</span>
                    </td>
                    <td>{formatDateTime(mail.created_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {mails.data && <Pagination page={page} pages={mails.data.pages} onPage={setPage} />}
      </div>
    </section>
  );
}
