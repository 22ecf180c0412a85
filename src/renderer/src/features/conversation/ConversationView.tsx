import { useEffect } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Composer } from './Composer';
import { MessageList } from './MessageList';

/** Route `#/chat/:chatId`: the chat's title, its transcript and the composer. */
export function ConversationView() {
  const { t } = useTranslation();
  const { chatId = '' } = useParams();
  const title = useAppStore((s) => s.chats.find((c) => c.id === chatId)?.title);
  const conversation = useAppStore((s) => s.conversations[chatId]);
  const openConversation = useAppStore((s) => s.openConversation);

  useEffect(() => {
    void openConversation(chatId);
  }, [chatId, openConversation]);

  return (
    <main className="conversation">
      <header className="conversation__header">
        <h1 className="conversation__title">{title ?? t('conversation.untitled')}</h1>
      </header>
      {(!conversation || conversation.status === 'loading' || conversation.status === 'idle') && (
        <p className="conversation__loading" role="status">
          {t('conversation.loading')}
        </p>
      )}
      {conversation?.status === 'error' && conversation.error && (
        <div className="conversation__failed">
          <ErrorNotice code={conversation.error.code} role="alert" />
        </div>
      )}
      {conversation?.status === 'ready' && (
        <>
          <MessageList key={chatId} chatId={chatId} conversation={conversation} />
          <Composer key={chatId} chatId={chatId} />
        </>
      )}
    </main>
  );
}
