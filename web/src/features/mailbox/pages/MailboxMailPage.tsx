import { Link, useParams } from 'react-router-dom';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/dates';
import { usePageTitle } from '../../../lib/usePageTitle';
import { rawMailHref, useMailboxMail } from '../api/mailbox';

/**
 * One mail of the development mailbox: its HTML part in a sandboxed frame
 * (no scripts, no same-origin access), its text part, and the .eml.
 */
export function MailboxMailPage() {
  const id = Number(useParams().id);
  const mail = useMailboxMail(id);
  usePageTitle(mail.data ? mail.data.subject : 'Mail');
  return (
    <section className="section">
      <div className="container">
        <nav className="breadcrumb" aria-label="Breadcrumb">
          <ul>
            <li>
              <Link to={paths.devMailbox.href()}>Development mailbox</Link>
            </li>
            <li className="is-active">
              <a href="#mail" aria-current="page">
                Mail #{id}
              </a>
            </li>
          </ul>
        </nav>
        {mail.isPending && <Loading />}
        <ErrorNotice error={mail.error} onRetry={() => mail.refetch()} />
        {mail.data && (
          <article id="mail">
            <h1 className="title is-4" data-testid="mail-subject">
              {mail.data.subject}
            </h1>
            <dl className="mb-4">
              <dt className="has-text-weight-semibold">To</dt>
              <dd data-testid="mail-to">{mail.data.to}</dd>
              <dt className="has-text-weight-semibold">Kind</dt>
              <dd>{mail.data.kind}</dd>
              <dt className="has-text-weight-semibold">Written</dt>
              <dd>{formatDateTime(mail.data.created_at)}</dd>
            </dl>
            <p className="mb-4">
              <a href={rawMailHref(id)} download={`mail-${id}.eml`}>
                Download the message (.eml)
              </a>
            </p>
            <h2 className="title is-5">HTML part</h2>
            <iframe
              title={`HTML part of “${mail.data.subject}”`}
              sandbox=""
              srcDoc={mail.data.html}
              className="mail-preview"
              style={{ width: '100%', height: '32rem', border: '1px solid #ddd' }}
              data-testid="mail-html"
            />
            <h2 className="title is-5 mt-5">Text part</h2>
            <pre className="mail-text" data-testid="mail-text" tabIndex={0}>
              {mail.data.text}
            </pre>
          </article>
        )}
      </div>
    </section>
  );
}
