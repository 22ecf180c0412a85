import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import type { Conversation } from '../../store/messages-slice';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MessageItem } from './MessageItem';

/** How close to the bottom (px) still counts as "reading the latest", so new text keeps it in view. */
const STICK_THRESHOLD = 48;

/**
 * The transcript: a scroll area holding "Load earlier messages" and the role=log list.
 * Simple and non-virtualised for now; the store already keeps messages per chat, oldest first, so a
 * virtualised list can replace this component without touching the data flow.
 */
export function MessageList({ chatId, conversation }: { chatId: string; conversation: Conversation }) {
  const { t } = useTranslation();
  const loadEarlier = useAppStore((s) => s.loadEarlier);
  const scroller = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const previous = useRef<{ firstId: string | undefined; height: number }>({ firstId: undefined, height: 0 });
  const { messages } = conversation;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const firstId = messages[0]?.id;
    const prepended = previous.current.firstId !== undefined && firstId !== previous.current.firstId;
    if (prepended && !stickToBottom.current) {
      // Older messages went in above: keep what the reader was looking at in place.
      el.scrollTop += el.scrollHeight - previous.current.height;
    } else if (stickToBottom.current) {
      el.scrollTop = el.scrollHeight;
    }
    previous.current = { firstId, height: el.scrollHeight };
  }, [messages]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_THRESHOLD;
    previous.current.height = el.scrollHeight;
  };

  return (
    <div className="message-scroller" ref={scroller} onScroll={onScroll}>
      <div className="message-column">
        {conversation.hasMore && (
          <div className="load-earlier">
            <button
              type="button"
              className="button"
              onClick={() => void loadEarlier(chatId)}
              disabled={conversation.loadingEarlier}
            >
              {conversation.loadingEarlier ? t('conversation.loadingEarlier') : t('conversation.loadEarlier')}
            </button>
            {conversation.earlierError && <ErrorNotice code={conversation.earlierError.code} role="alert" />}
          </div>
        )}
        <div role="log" aria-label={t('conversation.messages')} aria-live="polite" className="message-log">
          {conversation.status === 'ready' && messages.length === 0 && (
            <EmptyState title={t('conversation.emptyTitle')}>
              <p>{t('conversation.emptyBody')}</p>
            </EmptyState>
          )}
          {messages.map((message) => (
            <MessageItem key={message.id} message={message} />
          ))}
        </div>
      </div>
    </div>
  );
}
