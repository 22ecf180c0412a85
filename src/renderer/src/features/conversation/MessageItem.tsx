import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageDto } from '../../../../shared/domain/dto';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../store';
import { selectMessage } from '../../store/messages-slice';
import { RetryingNote } from '../network/RetryingNote';
import { MarkdownContent } from './markdown/MarkdownContent';
import { MessageActions } from './MessageActions';
import { MessageEditor } from './MessageEditor';

interface MessageItemProps {
  chatId: string;
  message: MessageDto;
  isLast: boolean;
  busy: boolean;
  onStarted: () => void;
}

/**
 * One message: questions on the right as typed, answers on the left as markdown, with their status,
 * model and usage, and their actions. data-role / data-status / data-message-id are the stable hooks for
 * styling and end-to-end tests.
 */
export const MessageItem = memo(function MessageItem({ chatId, message: listed, isLast, busy, onStarted }: MessageItemProps) {
  const { t } = useTranslation();
  // Read from the store, in the same snapshot as its live text below, whatever the list last passed in.
  const message = useAppStore((s) => selectMessage(s, chatId, listed.id)) ?? listed;
  const editing = useAppStore((s) => s.edits[message.id] !== undefined);
  const isUser = message.role === 'user';
  const streaming = message.status === 'streaming';
  // While an answer streams, its text grows here rather than in the message (see `liveText`).
  const content = useAppStore((s) => s.liveText[message.id]) ?? message.content;
  return (
    <article
      className={`message message--${isUser ? 'user' : 'assistant'}${editing ? ' message--editing' : ''}`}
      data-role={message.role}
      data-status={message.status}
      data-message-id={message.id}
      // Screen readers get the finished answer from the conversation's announcer, not every fragment.
      aria-busy={streaming || undefined}
    >
      <h3 className={isUser ? 'sr-only' : 'message__author'}>{isUser ? t('message.you') : t('message.assistant')}</h3>
      {editing ? (
        <MessageEditor chatId={chatId} message={message} busy={busy} onStarted={onStarted} />
      ) : (
        <div className="message__bubble">
          {isUser ? (
            // What the user typed is shown as typed: no markdown, line breaks kept by CSS.
            <p className="message__plain">{message.content}</p>
          ) : content ? (
            <MarkdownContent messageId={message.id} text={content} streaming={streaming} />
          ) : streaming ? (
            <p className="message__typing">{t('message.typing')}</p>
          ) : null}
          {streaming && <RetryingNote messageId={message.id} />}
          <MessageStatus message={message} />
        </div>
      )}
      {isUser && <QueuedNote chatId={chatId} messageId={message.id} />}
      {!editing && !streaming && (
        <MessageActions chatId={chatId} message={message} isLast={isLast} busy={busy} onStarted={onStarted} />
      )}
    </article>
  );
});

/** A question sent while offline waits in main's outbox; it can be taken back into the composer. */
function QueuedNote({ chatId, messageId }: { chatId: string; messageId: string }) {
  const { t } = useTranslation();
  const queued = useAppStore((s) => s.queued[messageId] === true);
  const cancelQueued = useAppStore((s) => s.cancelQueued);
  const [error, setError] = useState<AppErrorData | null>(null);
  if (!queued) return null;
  return (
    <div className="message__queued">
      <span className="message__badge">{t('message.queued')}</span>
      <button
        type="button"
        className="message-action"
        onClick={() => void cancelQueued(chatId, messageId).then(setError)}
      >
        {t('actions.unqueue')}
      </button>
      {error && <ErrorNotice code={error.code} role="alert" />}
    </div>
  );
}

/** How an answer ended when it did not simply finish, and for finished answers the model and usage. */
function MessageStatus({ message }: { message: MessageDto }) {
  const { t } = useTranslation();
  const retryAfter = useAppStore((s) => s.retryAfter[message.id] ?? message.metadata?.error?.retryAfterSeconds);
  const model = message.metadata?.model;
  const modelLabel = useAppStore((s) => s.models?.models.find((m) => m.id === model)?.label ?? model);
  if (message.role !== 'assistant') return null;
  const usage = <Usage message={message} modelLabel={modelLabel} />;

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
      return (
        <p className="message__meta">
          <span className="message__badge" title={t('message.stoppedHint')}>
            {t('message.stopped')}
          </span>
          {usage}
        </p>
      );
    case 'interrupted':
      return (
        <p className="message__meta">
          <span className="message__badge message__badge--warning" title={t('message.interruptedHint')}>
            {t('message.interrupted')}
          </span>
          {usage}
        </p>
      );
    case 'complete':
      return <p className="message__meta">{usage}</p>;
    default:
      return null;
  }
}

/** "Claude Sonnet 5.5 · 1,234 tokens", with input and output in the tooltip. Nothing when unknown. */
function Usage({ message, modelLabel }: { message: MessageDto; modelLabel: string | undefined }) {
  const { t } = useTranslation();
  const input = message.metadata?.inputTokens;
  // A stopped or interrupted answer may end before usage is reported; "0 tokens" would be wrong.
  const output = message.metadata?.outputTokens || undefined;
  if (!modelLabel && output === undefined) return null;
  const detail =
    input !== undefined && output !== undefined ? t('message.usageDetail', { input, output }) : undefined;
  const tokens = output !== undefined ? t('message.tokens', { count: output }) : undefined;
  return (
    <span className="message__usage" title={detail}>
      {modelLabel && tokens ? t('message.usage', { model: modelLabel, tokens }) : (modelLabel ?? tokens)}
    </span>
  );
}
