import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiInput, ApiOutput } from '../../../shared/api';
import type { ApiError } from '../../../shared/result';
import type { Page } from '../../../shared/schemas/paging';
import { apiBridge } from './client';

// A long list a page at a time (children, referrals, escalations: keyset paging in the core).
// The first page loads when the filters change; "Show more" appends the next, so every row shown
// stays in the page as a real table row: a screen reader reads the table it says it is, the
// browser's find and printing see every row shown, and the keyboard's place is kept (see ShowMore).
// A list is never virtualised: only fifty rows at a time are added, and search and filters are how a
// DSL reaches one record among thousands.

type PagedMethod = 'children.list' | 'referrals.list' | 'escalations.list';
type Item<M extends PagedMethod> = ApiOutput<M> extends Page<infer T> ? T : never;
export type PagedFilters<M extends PagedMethod> = Omit<ApiInput<M>, 'cursor' | 'limit'>;

export interface PagedList<T> {
  items: T[] | null;
  total: number;
  error: ApiError | null;
  /** Loading the first page (after a change of filters) or the next. */
  loading: boolean;
  hasMore: boolean;
  /** Appends the next page; answers the index of its first row (where the keyboard's focus goes). */
  more: () => Promise<number | null>;
  reload: () => void;
}

interface State<T> {
  key: string;
  items: T[];
  total: number;
  nextCursor: string | null;
}

export function usePagedList<M extends PagedMethod>(method: M, filters: PagedFilters<M>, pageSize = 50): PagedList<Item<M>> {
  const key = `${method}:${JSON.stringify(filters)}:${pageSize}`;
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<State<Item<M>> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- compared by its JSON key, so a new object with the same content does not load again
  const stableFilters = useMemo(() => filters, [key]);
  const request = `${key}#${generation}`;

  useEffect(() => {
    let cancelled = false;
    const input = { ...stableFilters, limit: pageSize } as ApiInput<M>;
    void apiBridge.call(method, input).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        const page = result.value as Page<Item<M>>;
        setState({ key: request, items: page.items, total: page.total, nextCursor: page.nextCursor });
        setError(null);
      } else {
        setError(result.error);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [method, stableFilters, pageSize, request]);

  const current = state?.key === request ? state : null;
  const more = useCallback(async (): Promise<number | null> => {
    if (!current || current.nextCursor === null) return null;
    setLoadingMore(true);
    const input = { ...stableFilters, limit: pageSize, cursor: current.nextCursor } as ApiInput<M>;
    const result = await apiBridge.call(method, input);
    setLoadingMore(false);
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    const page = result.value as Page<Item<M>>;
    const first = current.items.length;
    setState({ key: current.key, items: [...current.items, ...page.items], total: page.total, nextCursor: page.nextCursor });
    return first;
  }, [current, method, pageSize, stableFilters]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  // While a change of filters loads, the rows found before stay on screen (marked as loading), as a
  // search box's results do, rather than the table flashing empty at every letter typed.
  return {
    items: state?.items ?? null,
    total: state?.total ?? 0,
    error,
    loading: current === null || loadingMore,
    hasMore: current?.nextCursor !== null && current !== null,
    more,
    reload,
  };
}
