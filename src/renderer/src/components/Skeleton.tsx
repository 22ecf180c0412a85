import { useTranslation } from 'react-i18next';
import './components.css';

interface SkeletonProps {
  /** How many grey bars to draw. Default 3. */
  lines?: number;
  /**
   * 'list': even rows, like the chat list; 'text': a paragraph with a short last line; 'block': one tall box;
   * 'messages': a question bubble on the right and an answer on the left, in turn, like a conversation.
   */
  variant?: 'list' | 'text' | 'block' | 'messages';
  /** What a screen reader hears while it shows. Default: "Loading…". */
  label?: string;
  className?: string;
}

/**
 * A calm placeholder in the shape of what is loading, instead of a blank pane.
 * Announced once as a status ("Loading…"); the bars themselves are decoration.
 */
export function Skeleton({ lines = 3, variant = 'text', label, className }: SkeletonProps) {
  const { t } = useTranslation();
  const count = variant === 'block' ? 1 : Math.max(1, lines);
  return (
    <div className={`skeleton skeleton--${variant} ${className ?? ''}`} role="status" aria-busy="true">
      <span className="sr-only">{label ?? t('app.loading')}</span>
      {Array.from({ length: count }, (_, i) => (
        <span key={i} className="skeleton__bar" aria-hidden="true" />
      ))}
    </div>
  );
}
