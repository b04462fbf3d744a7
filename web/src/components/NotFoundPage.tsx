import { Link } from 'react-router-dom';
import { paths } from '../config/paths';
import { usePageTitle } from '../lib/usePageTitle';

export function NotFoundPage({ what = 'page' }: { what?: string }) {
  usePageTitle('Not found');
  return (
    <section className="section">
      <div className="container has-text-centered">
        <p className="is-size-1" aria-hidden="true">
          404
        </p>
        <h1 className="title">We couldn’t find that {what}</h1>
        <p className="mb-4">It may have moved, or the link may be mistyped.</p>
        <div className="buttons is-centered">
          <Link to={paths.home.href()} className="button is-primary">
            Go to the home page
          </Link>
          <Link to={paths.search.href()} className="button">
            Browse products
          </Link>
        </div>
      </div>
    </section>
  );
}
