export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading has-text-centered py-6" role="status" aria-live="polite">
      <span className="loader-dot" aria-hidden="true" />
      <span className="ml-2">{label}</span>
    </div>
  );
}
