import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import type { SearchOrder, SearchRole } from '../../store/search-slice';

const ORDERS: readonly SearchOrder[] = ['recent', 'relevance'];
const ROLES: readonly SearchRole[] = ['any', 'user', 'assistant'];

/** Sort order, archived chats, who wrote it, and a date range: each applies at once. */
export function SearchFilters() {
  const { t } = useTranslation();
  const id = useId();
  const params = useAppStore((s) => s.searchParams);
  const setParams = useAppStore((s) => s.setSearchParams);
  return (
    <div className="search__filters">
      <div className="segmented search__order" role="group" aria-label={t('search.sort')}>
        {ORDERS.map((order) => (
          <button
            key={order}
            type="button"
            className="segmented__option"
            aria-pressed={params.order === order}
            onClick={() => setParams({ order })}
          >
            {t(`search.orders.${order}`)}
          </button>
        ))}
      </div>
      <label className="search__check">
        <input
          type="checkbox"
          checked={params.includeArchived}
          onChange={(e) => setParams({ includeArchived: e.target.checked })}
        />
        {t('search.includeArchived')}
      </label>
      <div className="search__field">
        <label htmlFor={`${id}-role`}>{t('search.role')}</label>
        <select id={`${id}-role`} value={params.role} onChange={(e) => setParams({ role: e.target.value as SearchRole })}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`search.roles.${role}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="search__dates">
        <legend className="sr-only">{t('search.dates')}</legend>
        <div className="search__field">
          <label htmlFor={`${id}-from`}>{t('search.from')}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={params.from}
            max={params.to || undefined}
            onChange={(e) => setParams({ from: e.target.value })}
          />
        </div>
        <div className="search__field">
          <label htmlFor={`${id}-to`}>{t('search.to')}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={params.to}
            min={params.from || undefined}
            onChange={(e) => setParams({ to: e.target.value })}
          />
        </div>
        {(params.from || params.to) && (
          <button type="button" className="button button--small search__clear-dates" onClick={() => setParams({ from: '', to: '' })}>
            {t('search.clearDates')}
          </button>
        )}
      </fieldset>
    </div>
  );
}
