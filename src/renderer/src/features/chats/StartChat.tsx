import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../store';
import { IS_MAC } from '../shortcuts/platform';
import { formatChord } from '../shortcuts/shortcuts';
import { NewChatButton } from './NewChatButton';
import './sidebar.css';

/**
 * Route `#/chat`: no chat open. Invites the first message, and points at the API key when there is none.
 * The button must not be called "New chat" (the sidebar's button is; a name is matched by substring).
 */
export function StartChat() {
  const { t } = useTranslation();
  const needsKey = useAppStore((s) => s.secretStatus !== null && !s.secretStatus.hasKey);
  const hasChats = useAppStore((s) => s.chats.length > 0);
  return (
    <main className="start">
      <div className="start__panel">
        <h1 className="start__title">{t('app.start.title')}</h1>
        <p className="start__body">{hasChats ? t('app.start.bodyWithChats') : t('app.start.body')}</p>
        <NewChatButton className="start__button">{t('app.start.action')}</NewChatButton>
        {needsKey && <ErrorNotice code="no_api_key" className="notice--hint start__key" />}
        <p className="start__tip">
          {t('app.start.tip', { newChat: formatChord('N', IS_MAC), shortcuts: formatChord('/', IS_MAC) })}
        </p>
      </div>
    </main>
  );
}
