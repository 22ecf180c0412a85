import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageDto } from '../../../../shared/domain/dto';
import type { Result } from '../../../../shared/domain/errors';
import { formatFullDate } from '../../components/relative-time';
import { useAppStore } from '../../store';
import { useCopy } from './hooks/use-copy';
import { CheckIcon, ContinueIcon, CopyIcon, EditIcon, RegenerateIcon } from './icons';
import { requestEditorFocus } from './MessageEditor';
import { dateTimeFormat } from '../../components/intl-cache';

interface MessageActionsProps {
  chatId: string;
  message: MessageDto;
  /** The newest message in the chat: only it can be regenerated, retried or continued. */
  isLast: boolean;
  /** A stream runs in this chat: nothing that starts another one is offered. */
  busy: boolean;
  /** Called once a new answer has started (the list follows it). */
  onStarted: () => void;
}

/** "14:05" today, "12 Mar, 14:05" otherwise; the full date and time is in the tooltip. */
function shortTime(date: Date, language: string): string {
  const today = new Date();
  const sameDay = date.toDateString() === today.toDateString();
  return dateTimeFormat(language, sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * What can be done with one message: Copy, Edit (questions), and on the last answer Regenerate, Retry
 * (after an error) or Continue (after a stop or an interruption). Every action is a real button with a
 * name, reachable with Tab; the row is faint until the message is hovered or focused.
 */
export function MessageActions({ chatId, message, isLast, busy, onStarted }: MessageActionsProps) {
  const { t, i18n } = useTranslation();
  const { state: copyState, copy } = useCopy();
  const setEdit = useAppStore((s) => s.setEdit);
  const regenerate = useAppStore((s) => s.regenerate);
  const continueAnswer = useAppStore((s) => s.continueAnswer);
  const [pending, setPending] = useState(false);

  const isUser = message.role === 'user';
  const isAssistant = message.role === 'assistant';
  const { status } = message;
  const canContinue = isAssistant && isLast && (status === 'stopped' || status === 'interrupted');
  const canRetry = isAssistant && isLast && status === 'error';
  const canRegenerate = isAssistant && isLast && (status === 'complete' || status === 'stopped' || status === 'interrupted');
  const disabled = busy || pending;

  const run = async (action: () => Promise<Result<unknown>>) => {
    setPending(true);
    const result = await action();
    setPending(false);
    if (result.ok) onStarted();
  };

  const created = new Date(message.createdAt);
  const hasTime = !Number.isNaN(created.getTime());
  const copyLabel = copyState === 'copied' ? t('actions.copied') : copyState === 'failed' ? t('actions.copyFailed') : t('actions.copy');

  return (
    <div className={`message-actions${isLast && isAssistant ? ' message-actions--pinned' : ''}`} role="group" aria-label={t('actions.label')}>
      {canContinue && (
        <button type="button" className="message-action message-action--primary" disabled={disabled} onClick={() => void run(() => continueAnswer(chatId, message.id))}>
          <ContinueIcon />
          <span>{t('actions.continue')}</span>
        </button>
      )}
      {canRetry && (
        <button type="button" className="message-action message-action--primary" disabled={disabled} onClick={() => void run(() => regenerate(chatId))}>
          <RegenerateIcon />
          <span>{t('actions.retry')}</span>
        </button>
      )}
      {message.content && (
        <button type="button" className="message-action" data-state={copyState} onClick={() => void copy(message.content)}>
          {copyState === 'copied' ? <CheckIcon /> : <CopyIcon />}
          <span>{copyLabel}</span>
        </button>
      )}
      {isUser && (
        <button
          type="button"
          className="message-action"
          disabled={disabled}
          onClick={() => {
            requestEditorFocus(message.id);
            setEdit(message.id, message.content);
          }}
        >
          <EditIcon />
          <span>{t('actions.edit')}</span>
        </button>
      )}
      {canRegenerate && (
        <button type="button" className="message-action" disabled={disabled} onClick={() => void run(() => regenerate(chatId))}>
          <RegenerateIcon />
          <span>{t('actions.regenerate')}</span>
        </button>
      )}
      {hasTime && (
        <time className="message-actions__time" dateTime={message.createdAt} title={formatFullDate(created, i18n.language)}>
          {shortTime(created, i18n.language)}
        </time>
      )}
    </div>
  );
}
