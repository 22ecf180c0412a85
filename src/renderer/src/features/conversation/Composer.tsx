import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { useAppStore } from '../../store';
import { selectStreamForChat } from '../../store/messages-slice';
import { ErrorNotice } from '../../components/ErrorNotice';

/** keyCode browsers report for keys that belong to an IME composition. */
const IME_KEY_CODE = 229;

/**
 * Where the user writes. Enter sends, Shift+Enter is a newline, and Enter never sends while an input
 * method (Japanese, Chinese, Korean…) is composing: that Enter only commits the composition.
 * The text lives in the store as a draft, so it survives switching chats and a failed send.
 */
export function Composer({ chatId }: { chatId: string }) {
  const { t } = useTranslation();
  const draft = useAppStore((s) => s.drafts[chatId] ?? '');
  const setDraft = useAppStore((s) => s.setDraft);
  const sendMessage = useAppStore((s) => s.sendMessage);
  const stopStream = useAppStore((s) => s.stopStream);
  const stream = useAppStore((s) => selectStreamForChat(s, chatId));
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  // compositionstart/end as well as isComposing: some engines report the committing Enter after
  // compositionend with isComposing already false, others never set keyCode 229.
  const composing = useRef(false);
  const input = useRef<HTMLTextAreaElement>(null);

  // Opening a chat (or creating one) is almost always followed by typing.
  useEffect(() => input.current?.focus(), []);

  const blank = draft.trim().length === 0;
  const canSend = !blank && !stream && !sending;

  const send = async () => {
    if (!canSend) return;
    const content = draft;
    setSending(true);
    setError(null);
    const result = await sendMessage(chatId, content);
    setSending(false);
    if (!result.ok) {
      setError(result.error); // the draft stays as typed
      return;
    }
    // Clear only what was sent: anything typed while the request was in flight is kept.
    if ((useAppStore.getState().drafts[chatId] ?? '') === content) setDraft(chatId, '');
    input.current?.focus(); // a clicked Send button turns disabled and would drop focus to the page
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || e.shiftKey) return;
    if (e.nativeEvent.isComposing || e.keyCode === IME_KEY_CODE || composing.current) return;
    e.preventDefault();
    void send();
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };

  const onStop = async () => {
    if (!stream) return;
    const stopError = await stopStream(stream.streamId);
    if (stopError) setError(stopError);
  };

  return (
    <form className="composer" onSubmit={onSubmit}>
      {error && <ErrorNotice code={error.code} role="alert" className="composer__error" />}
      <div className="composer__box">
        <textarea
          ref={input}
          className="composer__input"
          aria-label={t('composer.label')}
          placeholder={t('composer.placeholder')}
          value={draft}
          rows={1}
          onChange={(e) => setDraft(chatId, e.target.value)}
          onKeyDown={onKeyDown}
          onCompositionStart={() => (composing.current = true)}
          onCompositionEnd={() => (composing.current = false)}
        />
        <div className="composer__actions">
          {stream && (
            <button type="button" className="button" onClick={() => void onStop()}>
              {t('composer.stop')}
            </button>
          )}
          <button type="submit" className="button button--primary" disabled={!canSend}>
            {t('composer.send')}
          </button>
        </div>
      </div>
      <p className="composer__hint">{t('composer.hint')}</p>
    </form>
  );
}
