import { useId, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { errorMessage } from '../../../lib/api';
import type { Image } from '../../../lib/api/types';
import { uploadImage } from '../api/upload-image';
import { DropZone } from './DropZone';

export interface ImageDraft {
  image: Image;
  alt_text: string;
}

/** Moves the item at `from` to `to` (both in range), returning a new array. */
export function moveItem<T>(items: T[], from: number, to: number): T[] {
  if (from === to || to < 0 || to >= items.length) return items;
  const next = items.slice();
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/**
 * A product's ordered images: upload several by drag and drop or the file
 * dialog, reorder by dragging or with the arrow buttons, remove, and describe
 * each. The first image is the main one.
 */
export function ImageUploader({
  images,
  onChange,
  max = 12,
  upload = uploadImage,
}: {
  images: ImageDraft[];
  onChange: Dispatch<SetStateAction<ImageDraft[]>>;
  max?: number;
  upload?: (file: File) => Promise<Image>;
}) {
  const [pending, setPending] = useState<string[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const dragFrom = useRef<number | null>(null);
  const helpId = useId();

  const addFiles = async (files: File[]) => {
    setErrors([]);
    const room = max - images.length - pending.length;
    const accepted = files.slice(0, Math.max(0, room));
    if (accepted.length < files.length) setErrors([`A product can have at most ${max} images.`]);
    setPending((p) => [...p, ...accepted.map((f) => f.name)]);
    for (const file of accepted) {
      try {
        const image = await upload(file);
        onChange((current) => [...current, { image, alt_text: '' }]);
        setAnnouncement(`${file.name} uploaded.`);
      } catch (error) {
        setErrors((e) => [...e, `${file.name}: ${errorMessage(error)}`]);
      } finally {
        setPending((p) => {
          const index = p.indexOf(file.name);
          return index < 0 ? p : [...p.slice(0, index), ...p.slice(index + 1)];
        });
      }
    }
  };

  const move = (from: number, to: number) => {
    onChange((current) => moveItem(current, from, to));
    setAnnouncement(`Image moved to position ${to + 1} of ${images.length}.`);
  };

  return (
    <div className="image-uploader">
      <DropZone
        label="Add images"
        multiple
        disabled={images.length + pending.length >= max}
        onFiles={addFiles}
        describedBy={helpId}
      />
      <p className="help" id={helpId}>
        Up to {max} images. The first one is the main image; drag to reorder.
      </p>
      {errors.map((message) => (
        <p key={message} className="help is-danger" role="alert">
          {message}
        </p>
      ))}
      <p className="is-sr-only" aria-live="polite">
        {announcement}
      </p>
      <ol className="image-list" aria-label="Product images">
        {images.map((draft, index) => (
          <li
            key={draft.image.id}
            className="image-item box p-2"
            draggable
            onDragStart={() => (dragFrom.current = index)}
            onDragOver={(event) => {
              if (dragFrom.current !== null) event.preventDefault();
            }}
            onDrop={(event) => {
              event.preventDefault();
              event.stopPropagation();
              if (dragFrom.current !== null) move(dragFrom.current, index);
              dragFrom.current = null;
            }}
            onDragEnd={() => (dragFrom.current = null)}
          >
            <figure className="image is-square">
              <img src={draft.image.urls.small} alt={draft.alt_text || `Image ${index + 1}`} />
            </figure>
            {index === 0 && <span className="tag is-primary main-tag">Main</span>}
            <label className="is-sr-only" htmlFor={`${helpId}-alt-${draft.image.id}`}>
              Description of image {index + 1}
            </label>
            <input
              id={`${helpId}-alt-${draft.image.id}`}
              className="input is-small mt-1"
              placeholder="Describe the image"
              value={draft.alt_text}
              maxLength={250}
              onChange={(event) => {
                const alt = event.target.value;
                onChange((current) =>
                  current.map((d, i) => (i === index ? { ...d, alt_text: alt } : d)),
                );
              }}
            />
            <div className="buttons are-small mt-1 is-centered">
              <button
                type="button"
                className="button"
                disabled={index === 0}
                aria-label={`Move image ${index + 1} earlier`}
                onClick={() => move(index, index - 1)}
              >
                ←
              </button>
              <button
                type="button"
                className="button"
                disabled={index === images.length - 1}
                aria-label={`Move image ${index + 1} later`}
                onClick={() => move(index, index + 1)}
              >
                →
              </button>
              <button
                type="button"
                className="button is-danger is-light"
                aria-label={`Remove image ${index + 1}`}
                onClick={() => onChange((current) => current.filter((_, i) => i !== index))}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
        {pending.map((name, index) => (
          <li key={`${name}-${index}`} className="image-item box p-2 is-pending">
            <div className="image is-square image-placeholder" />
            <p className="is-size-7" role="status">
              Uploading {name}…
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
