import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tokenHeaderName, tokenMetaName } from '../../shared/bridge';
import type { CoreClient } from '../core/client';
import { securityHeaders } from '../hosting/csp';
import { contentTypeFor, resolveStaticFile } from '../hosting/static-files';

// Browser mode: the built renderer and the same dispatcher, on 127.0.0.1 only, at a random port,
// with a random token required on every request.
// - The first page load carries the token in the query (`/?token=…`); it is exchanged for an
//   HttpOnly, SameSite=Strict cookie and a redirect to `/`, so reloads work and the token leaves the
//   address bar. Static files need the cookie.
// - index.html is served with the token in a <meta> tag, which the API client sends back in a
//   header on every API call. A custom header can't be sent cross-origin without a CORS preflight,
//   which is never granted, so another site (even on another localhost port, which shares cookies)
//   can't call the API.
// - API calls must also come from our own origin (Origin header) to our own host (Host header,
//   against DNS rebinding).

const COOKIE_NAME = 'escalation_log_token';
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface WebHostOptions {
  core: CoreClient;
  rendererDir: string;
  /** Fixed token for tests that need one; otherwise 32 random bytes. */
  token?: string;
  port?: number;
}

export interface WebHost {
  origin: string;
  /** The address to open: the origin with the token. */
  url: string;
  token: string;
  server: Server;
  close(): Promise<void>;
}

function sameSecret(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(token, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(request: IncomingMessage): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE_NAME) return value.join('=');
  }
  return undefined;
}

function send(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType: string,
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': contentType, ...extra });
  response.end(body);
}

function refuse(response: ServerResponse, status: number, message: string): void {
  send(response, status, JSON.stringify({ ok: false, error: { code: 'forbidden', message } }), 'application/json');
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseJson(body: string): { ok: true; value: unknown } | { ok: false } {
  if (body.length === 0) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const indexTemplate = readFileSync(`${options.rendererDir}/index.html`, 'utf8');
  let origin = '';
  let host = '';

  const server = createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) refuse(response, 500, 'The request could not be handled.');
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Only our own host name: a page on another name resolving to 127.0.0.1 (DNS rebinding) is refused.
    if (request.headers.host !== host) return refuse(response, 421, 'Wrong host.');
    const url = new URL(request.url ?? '/', origin);

    if (url.pathname.startsWith('/api/')) return handleApi(request, response, url.pathname.slice('/api/'.length));
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Method not allowed.');

    const queryToken = url.searchParams.get('token') ?? undefined;
    if (url.pathname === '/' && sameSecret(queryToken, token)) {
      // Exchange the token in the address for a cookie, and take it out of the address bar.
      response.writeHead(303, {
        ...securityHeaders,
        Location: '/',
        'Set-Cookie': `${COOKIE_NAME}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
      response.end();
      return;
    }
    if (!sameSecret(cookieToken(request), token)) {
      return send(
        response,
        401,
        '<!doctype html><title>Escalation Log</title><p>Open Escalation Log with the address it printed when it started.</p>',
        'text/html; charset=utf-8',
      );
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const page = indexTemplate.replace('</head>', `<meta name="${tokenMetaName}" content="${token}" />\n</head>`);
      return send(response, 200, page, 'text/html; charset=utf-8');
    }
    const file = resolveStaticFile(options.rendererDir, url.pathname);
    if (!file) return send(response, 404, 'Not found', 'text/plain; charset=utf-8');
    send(response, 200, readFileSync(file), contentTypeFor(file));
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    if (request.method !== 'POST') return refuse(response, 405, 'Method not allowed.');
    if (request.headers.origin !== origin) return refuse(response, 403, 'Requests from other sites are refused.');
    const fetchSite = request.headers['sec-fetch-site'];
    if (fetchSite !== undefined && fetchSite !== 'same-origin') return refuse(response, 403, 'Requests from other sites are refused.');
    const given = request.headers[tokenHeaderName];
    if (typeof given !== 'string' || !sameSecret(given, token)) return refuse(response, 401, 'Missing or wrong token.');
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return refuse(response, 415, 'Send JSON.');
    }
    const body = await readBody(request);
    if (body === null) return refuse(response, 413, 'That request is too large.');
    const input = parseJson(body);
    const result = input.ok
      ? await options.core.call(decodeURIComponent(method), input.value)
      : { ok: false, error: { code: 'invalid_input', message: 'The request was not valid JSON.', issues: [] } };
    send(response, 200, JSON.stringify(result), 'application/json');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The web host did not get a port.');
  host = `127.0.0.1:${address.port}`;
  origin = `http://${host}`;

  return {
    origin,
    url: `${origin}/?token=${token}`,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
