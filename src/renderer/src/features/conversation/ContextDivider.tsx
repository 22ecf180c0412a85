import { useTranslation } from 'react-i18next';
import type { ContextCut } from './context-cut';
import './chat-settings.css';

/** A quiet line above the first message the last request still sent: everything above it was summarised or left out. */
export function ContextDivider({ cut }: { cut: ContextCut }) {
  const { t } = useTranslation();
  const text = cut.summarized
    ? t('estimate.cut.summarised', { count: cut.omittedMessages })
    : t('estimate.cut.leftOut', { count: cut.omittedMessages });
  return (
    <div className="context-divider" role="separator" aria-label={text} data-testid="context-divider">
      <span className="context-divider__text" aria-hidden="true">
        {text}
      </span>
    </div>
  );
}
