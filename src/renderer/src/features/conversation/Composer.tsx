import { useEffect, useEffectEvent, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { afterNextPaint } from '../../components/after-paint';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../store';
import { LimitNotice } from '../limits/LimitNotice';
import { TokenEstimate } from '../usage/TokenEstimate';
import { selectStreamForChat } from '../../store/messages-slice';
import { SendIcon, StopIcon } from './icons';
import { isImeEnter } from './keyboard';

interface ComposerProps {
  chatId: string;
  /** Called after a message was sent (the list jumps to it). */
  onSent: () => void;
}

/**
 * Where the user writes. Enter sends, Shift+Enter is a newline, and Enter never sends while an input
 * method (Japanese, Chinese, Korean…) is composing: that Enter only commits the composition.
 * The box grows with the text up to a third of the window, then scrolls.
 * The text is a per-chat draft that main keeps (saved after a short pause in typing and when the chat is
 * left), so it survives switching chats, a failed send and a restart.
 * While an answer streams, Stop replaces Send (Esc does the same, see ConversationView).
 */
export function Composer({ chatId, onSent }: ComposerProps) {
  const { t } = useTranslation();
  const draft = useAppStore((s) => s.drafts[chatId] ?? '');
  const setDraft = useAppStore((s) => s.setDraft);
  const loadDraft = useAppStore((s) => s.loadDraft);
  const flushDraft = useAppStore((s) => s.flushDraft);
  const clearDraft = useAppStore((s) => s.clearDraft);
  const sendMessage = useAppStore((s) => s.sendMessage);
  const stopStream = useAppStore((s) => s.stopStream);
  const actionError = useAppStore((s) => s.conversations[chatId]?.actionError ?? null);
  const clearActionError = useAppStore((s) => s.clearActionError);
  const stream = useAppStore((s) => selectStreamForChat(s, chatId));
  // The composer is there while the chat's messages load. A message sent then would race the loading
  // page, so a send asked for meanwhile waits for the messages and then goes.
  const loaded = useAppStore((s) => s.conversations[chatId]?.status === 'ready');
  const sendWhenLoaded = useRef(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const composing = useRef(false);
  const input = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    void loadDraft(chatId);
    // Leaving the chat saves what was typed in the last moments before the pause that would have.
    return () => flushDraft(chatId);
  }, [chatId, loadDraft, flushDraft]);

  // Opening a chat (or creating one) is almost always followed by typing.
  // After the chat's first frame (focusing makes the browser lay out the new page at once), and not away
  // from a field the person went to meanwhile (Ctrl+K, say).
  useEffect(
    () =>
      afterNextPaint(() => {
        const current = document.activeElement;
        const typingElsewhere = current instanceof HTMLInputElement || current instanceof HTMLTextAreaElement || (current instanceof HTMLElement && current.isContentEditable);
        if (!typingElsewhere) input.current?.focus();
      }),
    [],
  );

  const blank = draft.trim().length === 0;
  const canSend = !blank && !stream && !sending;
  const shownError = error ?? actionError;

  const send = async () => {
    if (!canSend) return;
    if (!loaded) {
      sendWhenLoaded.current = true;
      return;
    }
    const content = draft;
    setSending(true);
    setError(null);
    clearActionError(chatId);
    const result = await sendMessage(chatId, content);
    setSending(false);
    if (!result.ok) {
      setError(result.error); // the draft stays as typed
      return;
    }
    // Clear only what was sent: anything typed while the request was in flight is kept.
    if ((useAppStore.getState().drafts[chatId] ?? '') === content) clearDraft(chatId);
    onSent();
    input.current?.focus(); // a clicked Send button goes away and would drop focus to the page
  };

  const sendNow = useEffectEvent(() => void send());
  useEffect(() => {
    if (!loaded || !sendWhenLoaded.current) return;
    sendWhenLoaded.current = false;
    sendNow();
  }, [loaded]);

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || isImeEnter(e, composing.current)) return;
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
    input.current?.focus();
  };

  return (
    <form className="composer" onSubmit={onSubmit}>
      {shownError &&
        (shownError.code === 'limit_reached' ? (
          <LimitNotice key={limitKey(shownError)} error={shownError} className="composer__error" />
        ) : (
          <ErrorNotice code={shownError.code} role="alert" className="composer__error" />
        ))}
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
          {stream ? (
            <button type="button" className="button composer__stop" onClick={() => void onStop()}>
              <StopIcon />
              <span>{t('composer.stop')}</span>
            </button>
          ) : (
            <button type="submit" className="button button--primary composer__send" disabled={!canSend}>
              <SendIcon />
              <span>{t('composer.send')}</span>
            </button>
          )}
        </div>
      </div>
      <div className="composer__footer">
        <p className="composer__hint">{stream ? t('composer.hintStreaming') : t('composer.hint')}</p>
        <TokenEstimate chatId={chatId} draft={draft} />
      </div>
    </form>
  );
}

/** Each refusal is a new error object: a new key restarts its countdown. */
const limitKeys = new WeakMap<AppErrorData, number>();
let nextLimitKey = 0;
function limitKey(error: AppErrorData): number {
  let key = limitKeys.get(error);
  if (key === undefined) {
    key = ++nextLimitKey;
    limitKeys.set(error, key);
  }
  return key;
}
