import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageDto } from '../../../../shared/domain/dto';
import { useAppStore } from '../../store';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MarkdownContent } from './MarkdownContent';

/** One message. data-role / data-status are the stable hooks for styling and end-to-end tests. */
export const MessageItem = memo(function MessageItem({ message }: { message: MessageDto }) {
  const { t } = useTranslation();
  const isUser = message.role === 'user';
  const streaming = message.status === 'streaming';
  return (
    <article
      className={`message message--${isUser ? 'user' : 'assistant'}`}
      data-role={message.role}
      data-status={message.status}
      data-message-id={message.id}
      // Screen readers wait for the whole reply instead of reading every streamed fragment.
      aria-busy={streaming || undefined}
    >
      <h3 className={isUser ? 'sr-only' : 'message__author'}>{isUser ? t('message.you') : t('message.assistant')}</h3>
      <div className="message__bubble">
        {isUser ? (
          // What the user typed is shown as typed: no markdown, line breaks kept by CSS.
          <p className="message__plain">{message.content}</p>
        ) : message.content ? (
          <MarkdownContent text={message.content} />
        ) : streaming ? (
          <p className="message__typing">{t('message.typing')}</p>
        ) : null}
        <MessageFooter message={message} />
      </div>
    </article>
  );
});

function MessageFooter({ message }: { message: MessageDto }) {
  const { t } = useTranslation();
  const retryAfter = useAppStore((s) => s.retryAfter[message.id]);
  const modelLabel = useAppStore(
    (s) => s.models?.models.find((m) => m.id === message.metadata?.model)?.label ?? message.metadata?.model,
  );

  switch (message.status) {
    case 'error':
      return (
        <ErrorNotice
          code={message.metadata?.error?.code ?? 'internal'}
          retryAfterSeconds={retryAfter}
          className="message__error"
        />
      );
    case 'stopped':
      return <p className="message__meta message__meta--status">{t('message.stopped')}</p>;
    case 'interrupted':
      return <p className="message__meta message__meta--status">{t('message.interrupted')}</p>;
    case 'complete': {
      const tokens = message.metadata?.outputTokens;
      if (message.role !== 'assistant' || tokens === undefined) return null;
      return (
        <p className="message__meta">
          {modelLabel ? `${modelLabel} · ` : ''}
          {t('message.tokens', { count: tokens })}
        </p>
      );
    }
    default:
      return null;
  }
}
