import { useCallback, useState } from 'react';
import type { DocumentFile } from '../../../shared/api';
import type { ApiResult } from '../../../shared/result';
import { saveDocument } from '../downloads';
import { apiBridge } from './client';

// Making a document and opening one made before, as every screen with documents does: the call
// runs with its button busy, the document it answers goes to the save flow, and a failure's message
// is kept to show.

export interface DocumentCalls {
  /** The key of the button whose call is running, or null. */
  busy: string | null;
  /** The message of the call that last failed. */
  error: string | null;
  setError: (message: string | null) => void;
  /** Runs `call` with `key` busy and saves the document it answers: null when it failed (its message kept in `error`). */
  run: (key: string, call: () => Promise<ApiResult<DocumentFile>>) => Promise<DocumentFile | null>;
  /** Opens a stored document (the copy exactly as it was made), busy under its id. */
  open: (id: string) => Promise<DocumentFile | null>;
}

export function useDocumentCalls(): DocumentCalls {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (key: string, call: () => Promise<ApiResult<DocumentFile>>) => {
    setBusy(key);
    const result = await call();
    setBusy(null);
    if (!result.ok) {
      setError(result.error.message);
      return null;
    }
    saveDocument(result.value);
    return result.value;
  }, []);
  const open = useCallback((id: string) => run(id, () => apiBridge.call('documents.get', { id })), [run]);
  return { busy, error, setError, run, open };
}
