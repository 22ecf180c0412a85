import type { ReactNode } from 'react';

/** The calm placeholder shown where content will be (no chat selected, a chat with no messages). */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <h2 className="empty-state__title">{title}</h2>
      {children && <div className="empty-state__body">{children}</div>}
    </div>
  );
}
