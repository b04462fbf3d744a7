import type { ReactNode } from 'react';

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="box has-text-centered py-6 empty-state">
      <p className="title is-5">{title}</p>
      {children && <div className="content">{children}</div>}
      {action}
    </div>
  );
}
