import { useState } from 'react';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import type { ChatListView } from '../../store/chats-slice';
import { SearchLink } from '../search/SearchLink';
import { OfflineBanner } from '../network/OfflineBanner';
import { useShortcuts } from '../shortcuts/ShortcutsProvider';
import { IS_MAC } from '../shortcuts/platform';
import { formatChord } from '../shortcuts/shortcuts';
import { CHAT_FILTER_ID } from './chat-filter';
import { ChatLimitNotice } from './ChatLimitNotice';
import { ChatList } from './ChatList';
import { NewChatButton } from './NewChatButton';
import './sidebar.css';

const VIEWS: readonly ChatListView[] = ['active', 'archived'];

export function Sidebar() {
  const { t } = useTranslation();
  const { openShortcuts } = useShortcuts();
  const view = useAppStore((s) => s.chatListView);
  const setView = useAppStore((s) => s.setChatListView);
  const [filter, setFilter] = useState('');

  return (
    <aside className="sidebar" aria-label={t('sidebar.label')}>
      <div className="sidebar__top">
        <span className="sidebar__brand">{t('app.name')}</span>
        <OfflineBanner />
        <NewChatButton />
        <SearchLink />
        <ChatLimitNotice />
        <input
          id={CHAT_FILTER_ID}
          type="search"
          className="sidebar__filter"
          aria-label={t('sidebar.filter')}
          placeholder={t('sidebar.filterPlaceholder', { keys: formatChord('K', IS_MAC) })}
          value={filter}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && filter) {
              e.preventDefault();
              setFilter('');
            }
          }}
        />
        <div className="segmented" role="group" aria-label={t('sidebar.show')}>
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              className="segmented__option"
              aria-pressed={view === v}
              onClick={() => setView(v)}
            >
              {t(`sidebar.views.${v}`)}
            </button>
          ))}
        </div>
      </div>
      <ChatList filter={filter} />
      <div className="sidebar__bottom">
        <NavLink to="/usage" className="sidebar__settings">
          {t('usage.nav')}
        </NavLink>
        <NavLink to="/settings" className="sidebar__settings">
          {t('sidebar.settings')}
        </NavLink>
        <button
          type="button"
          className="icon-button sidebar__shortcuts"
          aria-label={t('shortcuts.title')}
          title={t('shortcuts.title')}
          onClick={openShortcuts}
        >
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
            <rect x="1.5" y="4.5" width="17" height="11" rx="2" fill="none" stroke="currentColor" strokeWidth="1.4" />
            <path d="M5 8h1.5M9.25 8h1.5M13.5 8H15M5 12h10" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
          </svg>
        </button>
      </div>
    </aside>
  );
}
