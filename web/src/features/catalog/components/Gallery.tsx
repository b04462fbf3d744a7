import { useState } from 'react';
import type { ProductImage } from '../../../lib/api/types';

/** The main image, large, with thumbnails to pick another. */
export function Gallery({ images, name }: { images: ProductImage[]; name: string }) {
  const [selected, setSelected] = useState(0);
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
  return (
    <div className="gallery">
      <figure className="gallery-main image is-square">
        <img
          src={current.urls.large}
          srcSet={`${current.urls.small} 320w, ${current.urls.medium} 800w, ${current.urls.large} 1600w`}
          sizes="(max-width: 768px) 100vw, 50vw"
          alt={current.alt_text || name}
        />
      </figure>
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
