import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiInput, ApiMethod, ApiOutput } from '../../../shared/api';
import type { ApiError } from '../../../shared/result';
import { apiBridge } from './client';

// Loads one API result for a screen, with loading and error states, and a reload after changes.

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  /** Replace the data with a fresher copy a write returned. */
  setData: (value: T) => void;
}

interface Answer<T> {
  request: string;
  data: T | null;
  error: ApiError | null;
}

export function useApi<M extends ApiMethod>(method: M, input: ApiInput<M>): Loaded<ApiOutput<M>> {
  const key = JSON.stringify(input);
  const [generation, setGeneration] = useState(0);
  const [answer, setAnswer] = useState<Answer<ApiOutput<M>> | null>(null);
  const request = `${method}:${key}#${generation}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- compared by its JSON key, so a new object with the same content does not load again
  const stableInput = useMemo(() => input, [key]);

  useEffect(() => {
    let cancelled = false;
    void apiBridge.call(method, stableInput).then((result) => {
      if (cancelled) return;
      setAnswer((previous) =>
        result.ok ? { request, data: result.value, error: null } : { request, data: previous?.data ?? null, error: result.error },
      );
    });
    return () => {
      cancelled = true;
    };
  }, [method, stableInput, request]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const setData = useCallback(
    (value: ApiOutput<M>) => setAnswer((previous) => ({ request: previous?.request ?? '', data: value, error: null })),
    [],
  );
  return { data: answer?.data ?? null, error: answer?.error ?? null, loading: answer?.request !== request, reload, setData };
}
