import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ChatList } from './ChatList';
import { NewChatButton } from './NewChatButton';

export function Sidebar() {
  const { t } = useTranslation();
  return (
    <aside className="sidebar" aria-label={t('sidebar.label')}>
      <div className="sidebar__top">
        <span className="sidebar__brand">{t('app.name')}</span>
        <NewChatButton />
      </div>
      <ChatList />
      <div className="sidebar__bottom">
        <NavLink to="/settings" className="sidebar__settings">
          {t('sidebar.settings')}
        </NavLink>
      </div>
    </aside>
  );
}
