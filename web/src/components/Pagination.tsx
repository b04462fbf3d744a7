import { useRef } from 'react';

/**
 * The page numbers to show: the first and the last, and those next to the
 * current one; null where a run of numbers is left out.
 */
export function pageNumbers(page: number, pages: number): (number | null)[] {
  const shown = new Set([1, pages]);
  for (let n = page - 1; n <= page + 1; n++) if (n >= 1 && n <= pages) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const numbers: (number | null)[] = [];
  sorted.forEach((n, i) => {
    const gap = i > 0 ? n - sorted[i - 1] : 1;
    if (gap === 2)
      numbers.push(n - 1); // a gap of one number shows it, not "…"
    else if (gap > 2) numbers.push(null);
    numbers.push(n);
  });
  return numbers;
}

/**
 * Previous / next, the first and last pages and those around the current
 * one, and "Page X of Y". Going to another page brings the top of the
 * results (the element holding this navigation) into view: the next page
 * starts there, not where this one ended.
 */
export function Pagination({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  const nav = useRef<HTMLElement>(null);
  if (pages <= 1) return null;
  const go = (n: number) => {
    onPage(n);
    const results = nav.current?.parentElement;
    if (results && results.getBoundingClientRect().top < 0)
      results.scrollIntoView?.({ block: 'start' });
  };
  return (
    <>
      <nav className="pagination is-centered mt-5" aria-label="Pages" ref={nav}>
        <button
          type="button"
          className="pagination-previous"
          disabled={page <= 1}
          onClick={() => go(page - 1)}
        >
          Previous
        </button>
        <button
          type="button"
          className="pagination-next"
          disabled={page >= pages}
          onClick={() => go(page + 1)}
        >
          Next
        </button>
        <ul className="pagination-list">
          {pageNumbers(page, pages).map((n, i) =>
            n === null ? (
              <li key={`gap-${i}`}>
                <span className="pagination-ellipsis" aria-hidden="true">
                  &hellip;
                </span>
              </li>
            ) : (
              <li key={n}>
                <button
                  type="button"
                  className={`pagination-link ${n === page ? 'is-current' : ''}`}
                  aria-label={`Page ${n}`}
                  aria-current={n === page ? 'page' : undefined}
                  onClick={() => go(n)}
                >
                  {n}
                </button>
              </li>
            ),
          )}
        </ul>
      </nav>
      <p className="has-text-centered is-size-7 has-text-grey mt-2" data-testid="page-count">
        Page {page} of {pages}
      </p>
    </>
  );
}
