import type { Page, Request } from 'playwright-core';
import { tokenHeaderName, tokenStorageKey } from '../../../shared/bridge';

// The page's calls to the API (browser mode sends each as POST /api/<method>): watched, so a test
// can say how many were made and with what (e.g. that a page asks for a form's draft only when that
// form is opened); and made, as the page makes them, to put records in without their screens.

export interface ApiCallWatch {
  /** The inputs of the calls seen so far, in order. */
  inputs(): unknown[];
  stop(): void;
}

export function watchApiCalls(page: Page, method: string): ApiCallWatch {
  const seen: unknown[] = [];
  const path = `/api/${method}`;
  const onRequest = (request: Request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === path) seen.push(request.postDataJSON());
  };
  page.on('request', onRequest);
  return {
    inputs: () => [...seen],
    stop: () => page.off('request', onRequest),
  };
}

/** A call to the core as the page makes it: same origin, with this run's token. Throws with the message on failure. */
export async function callApi<T = { id: string }>(page: Page, method: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ method, input, header, key }) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [header]: window.sessionStorage.getItem(key) ?? '' },
        body: JSON.stringify(input),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    { method, input, header: tokenHeaderName, key: tokenStorageKey },
  );
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value as T;
}
