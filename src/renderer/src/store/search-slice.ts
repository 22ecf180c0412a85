import type { SearchHitDto } from '../../../shared/domain/dto';
import type { AppErrorData } from '../../../shared/domain/errors';
import { api } from '../api';
import { localDayStart } from '../features/search/search-dates';
import type { LoadStatus, SliceCreator } from './types';

/** Hits asked for at a time; when exactly this many come back, the page says there may be more. */
export const SEARCH_LIMIT = 50;

export type SearchOrder = 'recent' | 'relevance';
export type SearchRole = 'any' | 'user' | 'assistant';

/** What the search page shows controls for. Dates are the date inputs' own `yyyy-mm-dd` ('' for none). */
export interface SearchParams {
  query: string;
  order: SearchOrder;
  includeArchived: boolean;
  role: SearchRole;
  from: string;
  to: string;
}

export interface SearchSlice {
  /** Kept while the person opens a hit and comes back, so the results are still there. */
  searchParams: SearchParams;
  searchHits: SearchHitDto[];
  /** The query the hits are for (the box may already hold newer text). */
  searchHitsQuery: string;
  searchStatus: LoadStatus;
  searchError: AppErrorData | null;
  setSearchParams: (patch: Partial<SearchParams>) => void;
  /** Searches with the current params; an answer that arrives after a newer search started is dropped. */
  runSearch: () => Promise<void>;
}

export const createSearchSlice: SliceCreator<SearchSlice> = (set, get) => {
  let latest = 0;
  return {
    searchParams: { query: '', order: 'recent', includeArchived: false, role: 'any', from: '', to: '' },
    searchHits: [],
    searchHitsQuery: '',
    searchStatus: 'idle',
    searchError: null,

    setSearchParams(patch) {
      set((state) => ({ searchParams: { ...state.searchParams, ...patch } }));
    },

    async runSearch() {
      const params = get().searchParams;
      const request = ++latest;
      const query = params.query.trim();
      if (!query) {
        set({ searchHits: [], searchHitsQuery: '', searchStatus: 'idle', searchError: null });
        return;
      }
      set({ searchStatus: 'loading' });
      const from = localDayStart(params.from);
      // The "to" day is included: everything before the start of the next day.
      const to = localDayStart(params.to, 1);
      const result = await api.search.messages({
        query,
        order: params.order,
        includeArchived: params.includeArchived,
        limit: SEARCH_LIMIT,
        ...(params.role !== 'any' ? { role: params.role } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      });
      if (request !== latest) return;
      if (result.ok) set({ searchHits: result.value.hits, searchHitsQuery: query, searchStatus: 'ready', searchError: null });
      else set({ searchStatus: 'error', searchError: result.error });
    },
  };
};
