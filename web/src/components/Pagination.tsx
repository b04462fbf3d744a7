/** Previous / next and page numbers around the current one. */
export function Pagination({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  if (pages <= 1) return null;
  const numbers: number[] = [];
  for (let n = Math.max(1, page - 2); n <= Math.min(pages, page + 2); n++) numbers.push(n);
  return (
    <nav className="pagination is-centered mt-5" aria-label="Pages">
      <button
        type="button"
        className="pagination-previous"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        Previous
      </button>
      <button
        type="button"
        className="pagination-next"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        Next
      </button>
      <ul className="pagination-list">
        {numbers.map((n) => (
          <li key={n}>
            <button
              type="button"
              className={`pagination-link ${n === page ? 'is-current' : ''}`}
              aria-label={`Page ${n}`}
              aria-current={n === page ? 'page' : undefined}
              onClick={() => onPage(n)}
            >
              {n}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
