import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageDto } from '../../../../shared/domain/dto';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../store';
import { isImeEnter } from './keyboard';

interface MessageEditorProps {
  chatId: string;
  message: MessageDto;
  /** A stream runs in this chat: saving waits for it to finish. */
  busy: boolean;
  /** Called once the new answer has started (the list follows it). */
  onStarted: () => void;
}

/** The editor the user just opened; it takes focus once (not again when scrolled back into view). */
let focusRequest: string | null = null;

export function requestEditorFocus(messageId: string): void {
  focusRequest = messageId;
}

/** How many messages come after `messageId` in the loaded transcript (always its tail, so all of them). */
function countAfter(chatId: string, messageId: string): number {
  const messages = useAppStore.getState().conversations[chatId]?.messages ?? [];
  const index = messages.findIndex((m) => m.id === messageId);
  return index < 0 ? 0 : messages.length - index - 1;
}

/**
 * Rewrites one of the user's questions in place. Saving deletes everything after it and asks again, so
 * when there is anything after it the user is told first how many messages will be replaced.
 * Enter saves, Shift+Enter is a new line, Esc cancels.
 */
export function MessageEditor({ chatId, message, busy, onStarted }: MessageEditorProps) {
  const { t } = useTranslation();
  const text = useAppStore((s) => s.edits[message.id] ?? message.content);
  const setEdit = useAppStore((s) => s.setEdit);
  const editMessage = useAppStore((s) => s.editMessage);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [confirmCount, setConfirmCount] = useState<number | null>(null);
  const composing = useRef(false);
  const input = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focusRequest !== message.id || !input.current) return;
    focusRequest = null;
    const end = input.current.value.length;
    input.current.focus();
    input.current.setSelectionRange(end, end);
  }, [message.id]);

  const blank = text.trim().length === 0;
  const cancel = () => setEdit(message.id, null);

  const submit = async () => {
    setConfirmCount(null);
    setSaving(true);
    setError(null);
    const result = await editMessage(chatId, message.id, text);
    setSaving(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setEdit(message.id, null);
    onStarted();
  };

  const save = () => {
    if (blank || saving || busy) return;
    const after = countAfter(chatId, message.id);
    if (after > 0) setConfirmCount(after);
    else void submit();
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape' && !e.nativeEvent.isComposing && !composing.current) {
      // Handled here: Esc must not also stop a stream or close anything else.
      e.preventDefault();
      e.stopPropagation();
      cancel();
      return;
    }
    if (e.key !== 'Enter' || e.shiftKey || isImeEnter(e, composing.current)) return;
    e.preventDefault();
    save();
  };

  return (
    <form className="message-editor" onSubmit={onSubmit}>
      <textarea
        className="message-editor__input"
        aria-label={t('message.editLabel')}
        ref={input}
        value={text}
        onChange={(e) => setEdit(message.id, e.target.value)}
        onKeyDown={onKeyDown}
        onCompositionStart={() => (composing.current = true)}
        onCompositionEnd={() => (composing.current = false)}
      />
      {error && <ErrorNotice code={error.code} role="alert" className="message-editor__error" />}
      <div className="message-editor__actions">
        <button type="button" className="button" onClick={cancel} disabled={saving}>
          {t('actions.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={blank || saving || busy}>
          {saving ? t('actions.sending') : t('actions.saveAndResend')}
        </button>
      </div>
      {confirmCount !== null && (
        <ConfirmDialog
          title={t('message.replaceTitle')}
          message={t('message.replaceWarning', { count: confirmCount })}
          confirmLabel={t('actions.replaceAndResend')}
          cancelLabel={t('actions.cancel')}
          onConfirm={() => void submit()}
          onCancel={() => setConfirmCount(null)}
        />
      )}
    </form>
  );
}
