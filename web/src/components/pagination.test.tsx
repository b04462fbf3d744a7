import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Pagination, pageNumbers } from './Pagination';

describe('Pagination', () => {
  it('shows the first and last pages around the current one, and the page count', () => {
    render(<Pagination page={5} pages={12} onPage={() => undefined} />);
    const list = screen.getByRole('list');
    expect(
      within(list)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['1', '4', '5', '6', '12']);
    expect(screen.getByRole('button', { name: 'Page 12' })).toBeInTheDocument();
    expect(screen.getByTestId('page-count')).toHaveTextContent('Page 5 of 12');
  });

  it('leaves out runs of pages, but never a single one', () => {
    expect(pageNumbers(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pageNumbers(1, 9)).toEqual([1, 2, null, 9]);
    expect(pageNumbers(4, 9)).toEqual([1, 2, 3, 4, 5, null, 9]);
    expect(pageNumbers(9, 9)).toEqual([1, null, 8, 9]);
  });

  it('brings the top of the results into view on another page', () => {
    const scrolled = vi.fn();
    render(
      <div data-testid="results">
        <ul>
          <li>a result</li>
        </ul>
        <Pagination page={1} pages={3} onPage={() => undefined} />
      </div>,
    );
    const results = screen.getByTestId('results');
    results.scrollIntoView = scrolled;
    // The reader has scrolled down to the pagination: the results start above the view.
    results.getBoundingClientRect = () => ({ top: -800 }) as DOMRect;
    fireEvent.click(screen.getByRole('button', { name: 'Page 2' }));
    expect(scrolled).toHaveBeenCalledWith({ block: 'start' });
  });
});
