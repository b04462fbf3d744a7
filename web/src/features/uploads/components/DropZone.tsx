import { useId, useState, type DragEvent, type ReactNode } from 'react';

export const IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/gif';

/**
 * Drop files here or pick them with the file dialog: the zone is the label
 * of a real file input, so it works with the keyboard and screen readers.
 */
export function DropZone({
  label,
  multiple = false,
  disabled = false,
  onFiles,
  describedBy,
  children,
}: {
  label: string;
  multiple?: boolean;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
  describedBy?: string;
  children?: ReactNode;
}) {
  const id = useId();
  const [over, setOver] = useState(false);
  const [refused, setRefused] = useState<string[]>([]);
  const refusedId = useId();

  const accept = (list: FileList | null) => {
    const chosen = Array.from(list ?? []);
    const files = chosen.filter((f) => f.type.startsWith('image/'));
    setRefused(chosen.filter((f) => !f.type.startsWith('image/')).map((f) => f.name));
    if (files.length) onFiles(multiple ? files : files.slice(0, 1));
  };
  const onDragOver = (event: DragEvent) => {
    if (!Array.from(event.dataTransfer.types).includes('Files')) return;
    event.preventDefault();
    setOver(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) accept(event.dataTransfer.files);
  };

  return (
    <div
      className={`drop-zone ${over ? 'is-over' : ''} ${disabled ? 'is-disabled' : ''}`}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="drop-zone"
    >
      <input
        id={id}
        className="is-sr-only"
        type="file"
        accept={IMAGE_TYPES}
        multiple={multiple}
        disabled={disabled}
        aria-describedby={
          [describedBy, refused.length ? refusedId : ''].join(' ').trim() || undefined
        }
        onChange={(event) => {
          accept(event.target.files);
          event.target.value = '';
        }}
      />
      <label htmlFor={id} className="drop-zone-label">
        <span className="has-text-weight-semibold">{label}</span>
        <span className="is-size-7 has-text-grey">
          Drag and drop {multiple ? 'images' : 'an image'} here, or click to choose (JPEG, PNG,
          WebP, GIF)
        </span>
      </label>
      {refused.length > 0 && (
        <p className="help is-danger" id={refusedId} role="alert" data-testid="refused-files">
          {refused.map((name) => `“${name}”`).join(', ')} {refused.length === 1 ? 'is' : 'are'} not
          an image: choose a JPEG, PNG, WebP or GIF file.
        </p>
      )}
      {children}
    </div>
  );
}
