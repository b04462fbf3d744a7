/** Five radio buttons drawn as stars; arrow keys move between them. */
export function RatingInput({
  value,
  onChange,
  name,
  describedBy,
}: {
  value: number;
  onChange: (rating: number) => void;
  name: string;
  describedBy?: string;
}) {
  return (
    <fieldset className="rating-input" aria-describedby={describedBy}>
      <legend className="label">Rating</legend>
      {[1, 2, 3, 4, 5].map((n) => (
        <label key={n} className={`rating-star ${n <= value ? 'is-on' : ''}`}>
          <input
            type="radio"
            className="is-sr-only"
            name={name}
            value={n}
            checked={value === n}
            onChange={() => onChange(n)}
          />
          <span aria-hidden="true">★</span>
          <span className="is-sr-only">
            {n} {n === 1 ? 'star' : 'stars'}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
