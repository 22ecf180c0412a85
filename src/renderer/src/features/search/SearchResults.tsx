import { forwardRef, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SearchHitDto } from '../../../../shared/domain/dto';
import { RelativeTime } from '../../components/RelativeTime';
import { Snippet } from './Snippet';

interface SearchResultsProps {
  hits: SearchHitDto[];
  /** ↑ on the first result goes back here. */
  onLeaveTop: () => void;
}

/** Where a hit opens: its chat, at that message. */
export function hitPath(hit: SearchHitDto): string {
  return `/chat/${hit.chatId}?message=${hit.messageId}`;
}

/**
 * The hits, newest or most relevant first: chat, who wrote it, when, and the matched words in context.
 * Each is a link (Enter opens it); ↑/↓, Home and End move between them.
 */
export const SearchResults = forwardRef<HTMLOListElement, SearchResultsProps>(function SearchResults({ hits, onLeaveTop }, ref) {
  const { t } = useTranslation();

  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    const links = [...e.currentTarget.querySelectorAll<HTMLAnchorElement>('a.search-hit')];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (index < 0) return;
    const move = (to: number) => {
      e.preventDefault();
      links[Math.max(0, Math.min(links.length - 1, to))]?.focus();
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(index + 1);
      case 'ArrowUp':
        if (index === 0) {
          e.preventDefault();
          onLeaveTop();
          return;
        }
        return move(index - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(links.length - 1);
    }
  };

  return (
    <ol ref={ref} className="search__results" aria-label={t('search.results')} onKeyDown={onKeyDown}>
      {hits.map((hit) => (
        <li key={hit.messageId}>
          <Link to={hitPath(hit)} className="search-hit" data-message-id={hit.messageId} data-chat-id={hit.chatId}>
            <span className="search-hit__head">
              <span className="search-hit__chat">{hit.chatTitle}</span>
              {hit.chatArchived && <span className="search-hit__badge">{t('search.archived')}</span>}
              <span className="search-hit__meta">
                <span className="search-hit__role">{hit.role === 'user' ? t('search.roles.user') : t('search.roles.assistant')}</span>
                <span aria-hidden="true">{' · '}</span>
                <RelativeTime className="search-hit__time" date={hit.createdAt} />
              </span>
            </span>
            <span className="search-hit__snippet">
              <Snippet text={hit.snippet} />
            </span>
          </Link>
        </li>
      ))}
    </ol>
  );
});
