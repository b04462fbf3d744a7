import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../test/render';
import { Field } from './Field';
import { NotFoundPage } from './NotFoundPage';

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

describe('NotFoundPage', () => {
  it('offers a way back', () => {
    renderPage(<NotFoundPage />);
    expect(screen.getByRole('heading', { name: 'We couldn’t find that page' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
  });
});
