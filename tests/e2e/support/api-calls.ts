import type { Page, Request } from 'playwright-core';

// Watches the page's calls to one API method (browser mode sends each as POST /api/<method>), so a
// test can say how many were made and with what: e.g. that a page asks for a form's draft only
// when that form is opened.

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
