import { useId, useState, type FormEvent } from 'react';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { errorMessage, fieldErrorsOf } from '../../../lib/api';
import type { Image, MessageInput } from '../../../lib/api/types';
import { uuid } from '../../../lib/uuid';
import { DropZone, uploadImage } from '../../uploads';

/** At most this many images on one message (the API's limit). */
export const MAX_IMAGES = 4;
const MAX_BODY = 4000;

/**
 * A message to write: its text and up to four images, uploaded as they are
 * dropped. Each submit carries one Idempotency-Key, kept until it succeeds,
 * so pressing Send twice (or a retry) writes one message.
 */
export function MessageForm({
  label,
  submitLabel,
  pending,
  error,
  onSend,
  upload = uploadImage,
}: {
  label: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSend: (input: MessageInput, key: string) => Promise<unknown>;
  upload?: (file: File) => Promise<Image>;
}) {
  const [body, setBody] = useState('');
  const [images, setImages] = useState<Image[]>([]);
  const [uploading, setUploading] = useState(0);
  const [uploadError, setUploadError] = useState('');
  const [key, setKey] = useState(uuid);
  const helpId = useId();
  const errors = fieldErrorsOf(error);

  const addFiles = async (files: File[]) => {
    setUploadError('');
    const room = MAX_IMAGES - images.length - uploading;
    const accepted = files.slice(0, Math.max(0, room));
    if (accepted.length < files.length)
      setUploadError(`A message can carry at most ${MAX_IMAGES} images.`);
    setUploading((n) => n + accepted.length);
    for (const file of accepted) {
      try {
        const image = await upload(file);
        setImages((current) => [...current, image]);
      } catch (e) {
        setUploadError(`${file.name}: ${errorMessage(e)}`);
      } finally {
        setUploading((n) => n - 1);
      }
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending || uploading) return;
    try {
      await onSend({ body, image_ids: images.map((image) => image.id) }, key);
      setBody('');
      setImages([]);
      setKey(uuid());
    } catch {
      // Shown by FormError; the same key goes with the next try.
    }
  };

  return (
    <form className="box message-form" onSubmit={submit} noValidate>
      <FormError error={error} />
      <Field label={label} errors={errors.body}>
        {(props) => (
          <textarea
            {...props}
            className="textarea"
            rows={3}
            maxLength={MAX_BODY}
            required
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
        )}
      </Field>
      <div className="field">
        <DropZone
          label={uploading ? 'Uploading…' : 'Attach images'}
          multiple
          disabled={images.length + uploading >= MAX_IMAGES}
          onFiles={addFiles}
          describedBy={helpId}
        />
        <p className="help" id={helpId}>
          Up to {MAX_IMAGES} images (JPEG, PNG, WebP or GIF).
        </p>
        {(uploadError || errors.image_ids) && (
          <p className="help is-danger" role="alert">
            {[uploadError, ...(errors.image_ids ?? [])].filter(Boolean).join(' ')}
          </p>
        )}
        {images.length > 0 && (
          <ul className="message-attachments" aria-label="Attached images">
            {images.map((image, index) => (
              <li key={image.id}>
                <img src={image.urls.small} alt={`Attachment ${index + 1}`} width={80} />
                <button
                  type="button"
                  className="button is-small is-light"
                  onClick={() => setImages((current) => current.filter((i) => i.id !== image.id))}
                >
                  Remove attachment {index + 1}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <button
        type="submit"
        className={`button is-primary ${pending ? 'is-loading' : ''}`}
        disabled={uploading > 0}
      >
        {submitLabel}
      </button>
    </form>
  );
}
