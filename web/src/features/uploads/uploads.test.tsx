import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Image } from '../../lib/api/types';
import { ImageUploader, moveItem, type ImageDraft } from './components/ImageUploader';
import { image } from '../../test/fixtures';

function Uploader({
  upload,
  initial = [],
}: {
  upload: (f: File) => Promise<Image>;
  initial?: ImageDraft[];
}) {
  const [images, setImages] = useState<ImageDraft[]>(initial);
  return (
    <>
      <ImageUploader images={images} onChange={setImages} upload={upload} max={3} />
      <output data-testid="order">{images.map((d) => d.image.id).join(',')}</output>
    </>
  );
}

const png = (name: string) => new File(['x'], name, { type: 'image/png' });

describe('ImageUploader', () => {
  it('uploads dropped images in order', async () => {
    let next = 10;
    const upload = vi.fn(async () => image(next++));
    render(<Uploader upload={upload} />);
    const zone = screen.getByTestId('drop-zone');
    await act(async () => {
      fireEvent.drop(zone, {
        dataTransfer: { files: [png('a.png'), png('b.png')], types: ['Files'] },
      });
    });
    await waitFor(() => expect(screen.getByTestId('order')).toHaveTextContent('10,11'));
    expect(upload).toHaveBeenCalledTimes(2);
    expect(screen.getByText('Main')).toBeInTheDocument();
  });

  it('uploads images chosen with the file dialog and reports failures', async () => {
    const upload = vi.fn().mockResolvedValueOnce(image(1)).mockRejectedValueOnce(new Error('boom'));
    render(<Uploader upload={upload} />);
    const input = screen.getByLabelText(/Add images/);
    await act(async () => {
      fireEvent.change(input, { target: { files: [png('ok.png'), png('bad.png')] } });
    });
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('bad.png'));
    expect(screen.getByTestId('order')).toHaveTextContent('1');
  });

  it('reorders with the buttons and removes images', () => {
    const initial = [1, 2, 3].map((id) => ({ image: image(id), alt_text: '' }));
    render(<Uploader upload={vi.fn()} initial={initial} />);
    fireEvent.click(screen.getByRole('button', { name: 'Move image 3 earlier' }));
    expect(screen.getByTestId('order')).toHaveTextContent('1,3,2');
    fireEvent.click(screen.getByRole('button', { name: 'Move image 1 later' }));
    expect(screen.getByTestId('order')).toHaveTextContent('3,1,2');
    fireEvent.click(screen.getByRole('button', { name: 'Remove image 2' }));
    expect(screen.getByTestId('order')).toHaveTextContent('3,2');
    expect(screen.getByRole('button', { name: 'Move image 1 earlier' })).toBeDisabled();
  });

  it('refuses more images than allowed', async () => {
    const upload = vi.fn(async () => image(9));
    const initial = [1, 2, 3].map((id) => ({ image: image(id), alt_text: '' }));
    render(<Uploader upload={upload} initial={initial} />);
    expect(screen.getByLabelText(/Add images/)).toBeDisabled();
  });

  it('moves items within bounds', () => {
    expect(moveItem([1, 2, 3], 0, 2)).toEqual([2, 3, 1]);
    expect(moveItem([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
  });
});
