import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../store';
import { SEARCH_LIMIT } from '../../store/search-slice';
import { SEARCH_BOX_ID } from './search-shortcut';
import { SearchFilters } from './SearchFilters';
import { SearchResults } from './SearchResults';
import './search.css';

/** Typing pauses this long before the search runs; filters apply at once. */
export const SEARCH_DEBOUNCE_MS = 200;

/** Route `#/search`: every chat's messages, searched as you type. */
export function SearchPage() {
  const { t } = useTranslation();
  const hintId = useId();
  const params = useAppStore((s) => s.searchParams);
  const setParams = useAppStore((s) => s.setSearchParams);
  const runSearch = useAppStore((s) => s.runSearch);
  const hits = useAppStore((s) => s.searchHits);
  const hitsQuery = useAppStore((s) => s.searchHitsQuery);
  const status = useAppStore((s) => s.searchStatus);
  const error = useAppStore((s) => s.searchError);
  const box = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLOListElement>(null);

  useEffect(() => {
    box.current?.focus();
    box.current?.select();
  }, []);

  // Typing waits for a pause; a filter change (or coming back to the page) searches at once.
  const filters = `${params.order}|${params.includeArchived}|${params.role}|${params.from}|${params.to}`;
  const lastFilters = useRef<string | null>(null);
  useEffect(() => {
    const immediate = lastFilters.current !== filters;
    lastFilters.current = filters;
    const timer = setTimeout(() => void runSearch(), immediate ? 0 : SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [params.query, filters, runSearch]);

  const onBoxKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && hits.length > 0) {
      e.preventDefault();
      results.current?.querySelector<HTMLAnchorElement>('a.search-hit')?.focus();
    } else if (e.key === 'Escape' && params.query) {
      e.preventDefault();
      setParams({ query: '' });
    }
  };

  const query = params.query.trim();
  const showing = hitsQuery !== '' && query !== '';

  return (
    <main className="page search">
      <div className="page__column page__column--wide">
        <h1>{t('search.title')}</h1>
        <div className="search__box">
          <svg className="search__icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
            <circle cx="8.5" cy="8.5" r="5.25" fill="none" stroke="currentColor" strokeWidth="1.6" />
            <path d="M12.5 12.5 17 17" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
          <input
            ref={box}
            id={SEARCH_BOX_ID}
            type="search"
            aria-label={t('search.box')}
            aria-describedby={hintId}
            placeholder={t('search.placeholder')}
            value={params.query}
            autoComplete="off"
            spellCheck={false}
            maxLength={500}
            onChange={(e) => setParams({ query: e.target.value })}
            onKeyDown={onBoxKey}
          />
        </div>
        <p id={hintId} className="field-help search__hint">
          {t('search.hint')}
        </p>
        <SearchFilters />
        <div className="search__summary" role="status">
          {status === 'loading' && !showing && t('search.searching')}
          {showing && status !== 'error' && hits.length > 0 && (
            <>
              {hits.length >= SEARCH_LIMIT ? t('search.countMore', { count: hits.length }) : t('search.count', { count: hits.length })}
              {status === 'loading' && <span className="search__busy">{t('search.searching')}</span>}
            </>
          )}
        </div>
        {error && status === 'error' && <ErrorNotice code={error.code} role="alert" />}
        {!query && (
          <EmptyState title={t('search.introTitle')}>
            <p>{t('search.introBody')}</p>
          </EmptyState>
        )}
        {showing && status !== 'error' && hits.length === 0 && status === 'ready' && (
          <EmptyState title={t('search.noResults', { query: hitsQuery })}>
            <p>{params.includeArchived ? t('search.noResultsHelp') : t('search.noResultsHelpArchived')}</p>
          </EmptyState>
        )}
        {showing && hits.length > 0 && (
          <SearchResults ref={results} hits={hits} onLeaveTop={() => box.current?.focus()} />
        )}
      </div>
    </main>
  );
}
