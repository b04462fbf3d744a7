import { fireEvent, render, screen } from '@testing-library/react';
import { lazy, Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderPage } from '../test/render';
import { Field } from './Field';
import { NotFoundPage } from './NotFoundPage';
import { PageErrorBoundary } from './PageErrorBoundary';
import { SubmitButton } from './SubmitButton';
import { TextField } from './TextField';

describe('Field', () => {
  it('ties the label, help and errors to the control', () => {
    render(
      <Field label="Email" help="We never share it." errors={['is already taken']}>
        {(props) => <input {...props} />}
      </Field>,
    );
    const input = screen.getByLabelText('Email');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('We never share it. is already taken');
  });

  it('is valid without errors', () => {
    render(<Field label="Name">{(props) => <input {...props} />}</Field>);
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-describedby');
  });
});

describe('TextField', () => {
  it('is a required input of its type that reports each change as a string', () => {
    const onChange = vi.fn();
    render(
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        minLength={8}
        value=""
        onChange={onChange}
        errors={['is too short']}
      />,
    );
    const input = screen.getByLabelText('Password');
    expect(input).toHaveAttribute('type', 'password');
    expect(input).toHaveAttribute('autocomplete', 'new-password');
    expect(input).toHaveAttribute('minlength', '8');
    expect(input).toBeRequired();
    expect(input).toHaveAccessibleDescription('is too short');
    fireEvent.change(input, { target: { value: 'hunter22' } });
    expect(onChange).toHaveBeenCalledWith('hunter22');
  });
});

describe('SubmitButton', () => {
  it('submits, and cannot be pressed again while the form is busy', () => {
    const { rerender } = render(<SubmitButton busy={false}>Pay</SubmitButton>);
    const button = screen.getByRole('button', { name: 'Pay' });
    expect(button).toHaveAttribute('type', 'submit');
    expect(button).toBeEnabled();
    rerender(<SubmitButton busy>Pay</SubmitButton>);
    expect(button).toBeDisabled();
    expect(button).toHaveClass('is-loading');
  });
});

describe('NotFoundPage', () => {
  it('offers a way back', () => {
    renderPage(<NotFoundPage />);
    expect(screen.getByRole('heading', { name: 'We couldn’t find that page' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
  });
});

describe('PageErrorBoundary', () => {
  function Broken(): never {
    throw new Error('a bug in the page');
  }

  it('stands in for a page that throws, and the next path tries again', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React reports what it caught
    const { rerender } = render(
      <PageErrorBoundary path="/orders/1">
        <Broken />
      </PageErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('This page could not be shown.');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();

    rerender(
      <PageErrorBoundary path="/orders/1">
        <p>Order #1</p>
      </PageErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toBeInTheDocument(); // same path: still failed
    rerender(
      <PageErrorBoundary path="/orders/2">
        <p>Order #2</p>
      </PageErrorBoundary>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Order #2')).toBeInTheDocument();
  });

  it('stands in for a page whose code cannot be fetched', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const Gone = lazy(() =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    );
    render(
      <PageErrorBoundary path="/dashboard">
        <Suspense fallback={<p>Loading</p>}>
          <Gone />
        </Suspense>
      </PageErrorBoundary>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('may have been updated');
  });
});
