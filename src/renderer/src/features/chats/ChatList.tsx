import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import { ErrorNotice } from '../../components/ErrorNotice';

/**
 * The chats, newest activity first. A link's accessible name is exactly the chat title (tests and screen
 * reader users find a chat by it), so nothing else goes inside the <a>.
 */
export function ChatList() {
  const { t } = useTranslation();
  const chats = useAppStore((s) => s.chats);
  const status = useAppStore((s) => s.chatsStatus);
  const error = useAppStore((s) => s.chatsError);

  return (
    <nav aria-label={t('sidebar.chats')} className="chat-list">
      <h2 className="sidebar__heading">{t('sidebar.chats')}</h2>
      {status === 'error' && error && <ErrorNotice code={error.code} />}
      {status === 'ready' && chats.length === 0 && <p className="chat-list__empty">{t('sidebar.noChats')}</p>}
      <ul>
        {chats.map((chat) => (
          <li key={chat.id}>
            <NavLink to={`/chat/${chat.id}`} className="chat-list__link" title={chat.title}>
              {chat.title}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
