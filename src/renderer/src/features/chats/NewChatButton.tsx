import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';

/** Creates a chat and opens it. Why it could not (most often the chat limit) shows in the chat list. */
export function NewChatButton({ className, children }: { className?: string; children?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createChat = useAppStore((s) => s.createChat);
  const creating = useAppStore((s) => s.creatingChat);

  const onClick = async () => {
    const chat = await createChat();
    if (chat) void navigate(`/chat/${chat.id}`);
  };

  return (
    <button
      type="button"
      className={`button button--primary ${className ?? 'new-chat'}`}
      onClick={() => void onClick()}
      disabled={creating}
    >
      {children ?? t('sidebar.newChat')}
    </button>
  );
}
