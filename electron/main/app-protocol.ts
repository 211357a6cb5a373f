import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { securityHeaders } from '../hosting/csp';
import { APP_HOST, APP_SCHEME } from '../hosting/origins';
import { contentTypeFor, resolveStaticFile } from '../hosting/static-files';

// The renderer is loaded from app://renderer/, not file://: a file:// page could read any local
// file, and has no origin to pin CSP and navigation checks to. This handler serves the built
// renderer folder and nothing else (no `..`, encoded or not, no symlink out, no dot-files).

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Answers one app:// request from the renderer folder. */
export function rendererResponse(rendererDir: string) {
  return async (request: Pick<Request, 'url' | 'method'>): Promise<Response> => {
    const url = new URL(request.url);
    if (url.hostname !== APP_HOST || request.method !== 'GET') return new Response('Not found', { status: 404 });
    const file = resolveStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(await readFile(file), {
      status: 200,
      headers: { ...securityHeaders, 'Content-Type': contentTypeFor(file) },
    });
  };
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, rendererResponse(rendererDir));
}
