import { useId, useState } from 'react';
import { errorMessage } from '../../../lib/api';
import type { Image } from '../../../lib/api/types';
import { uploadImage } from '../api/upload-image';
import { DropZone } from './DropZone';

/** One image (a shop's logo or cover): upload by drag and drop, replace, remove. */
export function ImagePicker({
  label,
  image,
  onChange,
  upload = uploadImage,
}: {
  label: string;
  image: Image | null;
  onChange: (image: Image | null) => void;
  upload?: (file: File) => Promise<Image>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const errorId = useId();

  const onFiles = async ([file]: File[]) => {
    setBusy(true);
    setError('');
    try {
      onChange(await upload(file));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="field image-picker">
      <legend className="label">{label}</legend>
      {image && (
        <figure className="image-picker-preview mb-2">
          <img src={image.urls.small} alt={`${label} preview`} />
        </figure>
      )}
      <DropZone
        label={
          busy
            ? 'Uploading…'
            : image
              ? `Replace ${label.toLowerCase()}`
              : `Upload ${label.toLowerCase()}`
        }
        disabled={busy}
        onFiles={onFiles}
        describedBy={error ? errorId : undefined}
      />
      {image && (
        <button
          type="button"
          className="button is-small is-light mt-1"
          onClick={() => onChange(null)}
        >
          Remove {label.toLowerCase()}
        </button>
      )}
      {error && (
        <p className="help is-danger" id={errorId} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
