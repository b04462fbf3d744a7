import { useRef, useState } from 'react';
import type { ProductImage } from '../../../lib/api/types';
import './gallery.css';

/**
 * The main image, large, with thumbnails to pick another; the main image
 * opens enlarged in a modal dialog (Escape or the Close button closes it,
 * and focus returns to the image's button).
 */
export function Gallery({ images, name }: { images: ProductImage[]; name: string }) {
  const [selected, setSelected] = useState(0);
  const enlarged = useRef<HTMLDialogElement>(null);
  if (images.length === 0) {
    return (
      <div
        className="gallery-main image is-square image-placeholder"
        role="img"
        aria-label="No image"
      />
    );
  }
  const current = images[Math.min(selected, images.length - 1)];
  const alt = current.alt_text || name;
  return (
    <div className="gallery">
      <figure className="gallery-main image is-square">
        <button
          type="button"
          className="gallery-enlarge"
          aria-label={`Enlarge the image: ${alt}`}
          aria-haspopup="dialog"
          onClick={() => enlarged.current?.showModal()}
        >
          <img
            src={current.urls.large}
            srcSet={`${current.urls.small} 320w, ${current.urls.medium} 800w, ${current.urls.large} 1600w`}
            sizes="(max-width: 768px) 100vw, 50vw"
            alt={alt}
          />
        </button>
      </figure>
      <dialog
        ref={enlarged}
        className="gallery-dialog"
        aria-label={alt}
        onClick={(event) => {
          if (event.target === event.currentTarget) enlarged.current?.close(); // the backdrop
        }}
      >
        <form method="dialog" className="has-text-right mb-2">
          <button type="submit" className="button is-small" autoFocus>
            Close
          </button>
        </form>
        <img src={current.urls.large} alt={alt} />
      </dialog>
      {images.length > 1 && (
        <ul className="gallery-thumbs" aria-label="Images">
          {images.map((image, index) => (
            <li key={image.id}>
              <button
                type="button"
                className={`gallery-thumb ${index === selected ? 'is-selected' : ''}`}
                aria-label={`Show image ${index + 1} of ${images.length}`}
                aria-pressed={index === selected}
                onClick={() => setSelected(index)}
              >
                <img src={image.urls.small} alt="" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
