import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { searchChord, searchKeyShortcuts } from './search-shortcut';
import './search.css';

/** The sidebar's way into search, with its shortcut. */
export function SearchLink() {
  const { t } = useTranslation();
  return (
    <NavLink to="/search" className="sidebar__search" aria-keyshortcuts={searchKeyShortcuts()}>
      <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
        <circle cx="8.5" cy="8.5" r="5.25" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M12.5 12.5 17 17" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <span className="sidebar__search-label">{t('search.open')}</span>
      <kbd className="sidebar__search-keys" aria-hidden="true">
        {searchChord()}
      </kbd>
    </NavLink>
  );
}
