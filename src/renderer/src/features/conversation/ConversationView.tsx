import { useEffect, useRef } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Skeleton } from '../../components/Skeleton';
import { useAppStore } from '../../store';
import { selectChat } from '../../store/chats-slice';
import { selectStreamForChat } from '../../store/messages-slice';
import { ChatSettingsButton } from './ChatSettingsDialog';
import { Composer } from './Composer';
import { isDialogOpen } from './keyboard';
import { MessageList, type MessageListHandle } from './MessageList';
import { StreamAnnouncer } from './StreamAnnouncer';
import './conversation.css';

/**
 * Esc stops the answer streaming in the open chat, wherever focus is, unless something else wants that
 * Esc: a key handler that already used it (defaultPrevented: an editor cancelling, a menu closing), an
 * open dialog, or an input method cancelling its composition.
 */
function useEscapeToStop(chatId: string) {
  const streamId = useAppStore((s) => selectStreamForChat(s, chatId)?.streamId);
  const stopStream = useAppStore((s) => s.stopStream);
  useEffect(() => {
    if (!streamId) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || e.isComposing || e.repeat) return;
      if (e.target instanceof Element && e.target.closest('dialog, [role="dialog"], [role="alertdialog"], [role="menu"]')) return;
      if (isDialogOpen()) return;
      e.preventDefault();
      void stopStream(streamId);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [streamId, stopStream]);
}

/** Route `#/chat/:chatId`: the chat's title, its transcript and the composer. */
export function ConversationView() {
  const { t } = useTranslation();
  const { chatId = '' } = useParams();
  const title = useAppStore((s) => selectChat(s, chatId)?.title);
  const conversation = useAppStore((s) => s.conversations[chatId]);
  const openConversation = useAppStore((s) => s.openConversation);
  const openConversationAt = useAppStore((s) => s.openConversationAt);
  // `?message=<id>`: opened from a search hit, at that message.
  const at = useSearchParams()[0].get('message');
  const list = useRef<MessageListHandle>(null);

  // From a hit in this chat to the chat itself (the sidebar): back to its live end.
  const shownAt = useRef<{ chatId: string; at: string | null } | null>(null);
  useEffect(() => {
    const before = shownAt.current;
    shownAt.current = { chatId, at };
    if (at) void openConversationAt(chatId, at);
    else if (before?.chatId === chatId && before.at && list.current) list.current.jumpToLatest();
    else void openConversation(chatId);
  }, [chatId, at, openConversation, openConversationAt]);

  useEscapeToStop(chatId);

  return (
    <main className="conversation">
      <header className="conversation__header">
        <h1 className="conversation__title">{title ?? t('conversation.untitled')}</h1>
        <ChatSettingsButton chatId={chatId} />
      </header>
      <StreamAnnouncer key={chatId} chatId={chatId} />
      {(!conversation || conversation.status === 'loading' || conversation.status === 'idle') && (
        <Skeleton variant="messages" lines={4} label={t('conversation.loading')} className="conversation__loading" />
      )}
      {conversation?.status === 'error' && conversation.error && (
        <div className="conversation__failed">
          <ErrorNotice code={conversation.error.code} role="alert" />
        </div>
      )}
      {/* Another chat gets a fresh list (scroll state) and composer (focus, IME state). */}
      {conversation?.status === 'ready' && (
        <MessageList key={`${chatId}:${conversation.window}`} ref={list} chatId={chatId} conversation={conversation} />
      )}
      {/* Already while the messages load: it is ready for typing, and its rendering is not part of the
          chat's first screen of messages. */}
      {conversation?.status !== 'error' && <Composer key={chatId} chatId={chatId} onSent={() => list.current?.jumpToLatest()} />}
    </main>
  );
}
