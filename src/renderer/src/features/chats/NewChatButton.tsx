import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import { ErrorNotice } from '../../components/ErrorNotice';

/** Creates a chat and opens it; explains why when it cannot (most often the chat limit). */
export function NewChatButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createChat = useAppStore((s) => s.createChat);
  const creating = useAppStore((s) => s.creatingChat);
  const error = useAppStore((s) => s.createChatError);
  const maxChats = useAppStore((s) => s.settings?.maxChats);

  const onClick = async () => {
    const chat = await createChat();
    if (chat) void navigate(`/chat/${chat.id}`);
  };

  return (
    <>
      <button type="button" className="button button--primary new-chat" onClick={() => void onClick()} disabled={creating}>
        {t('sidebar.newChat')}
      </button>
      {error &&
        (error.code === 'chat_limit_reached' && maxChats !== undefined ? (
          <div className="notice notice--error" role="alert" data-error-code="chat_limit_reached">
            {t('sidebar.chatLimit', { count: maxChats })}
          </div>
        ) : (
          <ErrorNotice code={error.code} role="alert" />
        ))}
    </>
  );
}
