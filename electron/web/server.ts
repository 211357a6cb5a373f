import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tokenFragmentName, tokenHeaderName } from '../../shared/bridge';
import type { CoreClient } from '../core/client';
import { securityHeaders } from '../hosting/csp';
import { contentTypeFor, resolveStaticFile } from '../hosting/static-files';

// Browser mode: the built renderer and the same dispatcher, on 127.0.0.1 only, at a random port,
// with a random token required on every API call.
// - The token travels in the address's fragment (`/#token=…`), which a browser never sends to any
//   server. The page moves it into sessionStorage (this tab, this origin only), takes it out of the
//   address bar, and sends it back in a header on every API call. There is no cookie: cookies are
//   shared by every port of 127.0.0.1, so a cookie would be sent to any other local server the
//   browser visits.
// - Static files (the built renderer) hold no data and need no token; nothing the page shows comes
//   from anywhere but the API.
// - A custom header can't be sent cross-origin without a CORS preflight, which is never granted;
//   API calls must also come from our own origin (Origin header) to our own host (Host header,
//   against DNS rebinding).
// - Limits, so a stuck or hostile local client can't tie the host up: a cap on connections, on the
//   time to send headers and the whole request, and on the body (answered 413, never a reset).

export interface WebHostLimits {
  /** The largest API request body, in bytes. */
  maxBodyBytes: number;
  /** Time a client has to send a request's headers. */
  headersTimeoutMs: number;
  /** Time a client has to send the whole request (headers and body); answering may take longer. */
  requestTimeoutMs: number;
  /** Open connections at once; more are closed as they arrive. */
  maxConnections: number;
  /** How often Node checks the two timeouts above (its default, 30 s, would let them run long). */
  timeoutCheckIntervalMs: number;
}

const defaultWebHostLimits: Readonly<WebHostLimits> = {
  maxBodyBytes: 2 * 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxConnections: 32,
  timeoutCheckIntervalMs: 1_000,
};

/** A body past the limit is read and dropped up to this many times the limit, then the connection is cut. */
const DRAIN_FACTOR = 8;

export interface WebHostOptions {
  core: CoreClient;
  rendererDir: string;
  /** Fixed token for tests that need one; otherwise 32 random bytes. */
  token?: string;
  port?: number;
  limits?: Partial<WebHostLimits>;
}

export interface WebHost {
  origin: string;
  /** The address to open: the origin, with the token in the fragment. */
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

function refuse(response: ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  send(response, status, JSON.stringify({ ok: false, error: { code: 'forbidden', message } }), 'application/json', extra);
}

function tooLarge(response: ServerResponse): void {
  if (response.headersSent) return;
  send(
    response,
    413,
    JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'That request is too large.', issues: [] } }),
    'application/json',
    { Connection: 'close' },
  );
}

/**
 * The body as text, or null when it is larger than `max`: then the 413 has been sent, and the rest
 * of the body is read and dropped (up to a bound), so the client sees the answer instead of a reset.
 */
function readBody(request: IncomingMessage, response: ServerResponse, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    const overflow = () => {
      tooLarge(response);
      request.removeAllListeners('data');
      let dropped = 0;
      request.on('data', (chunk: Buffer) => {
        dropped += chunk.length;
        if (dropped > max * DRAIN_FACTOR) request.destroy();
      });
      request.resume();
      resolve(null);
    };
    if (Number.isFinite(declared) && declared > max) return overflow();
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) return overflow();
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

function methodName(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const limits: WebHostLimits = { ...defaultWebHostLimits, ...options.limits };
  const indexPage = readFileSync(`${options.rendererDir}/index.html`);
  let origin = '';
  let host = '';

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
    },
    (request, response) => {
      void handle(request, response).catch(() => {
        if (!response.headersSent) refuse(response, 500, 'The request could not be handled.');
        else response.end();
      });
    },
  );
  server.maxConnections = limits.maxConnections;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Only our own host name: a page on another name resolving to 127.0.0.1 (DNS rebinding) is refused.
    if (request.headers.host !== host) return refuse(response, 421, 'Wrong host.');
    const url = new URL(request.url ?? '/', origin);

    if (url.pathname.startsWith('/api/')) return handleApi(request, response, url.pathname.slice('/api/'.length));
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Method not allowed.');
    // The renderer's files: the same for everyone, with no data in them, so no token is asked for.
    if (url.pathname === '/' || url.pathname === '/index.html') return send(response, 200, indexPage, 'text/html; charset=utf-8');
    const file = resolveStaticFile(options.rendererDir, url.pathname);
    if (!file) return send(response, 404, 'Not found', 'text/plain; charset=utf-8');
    send(response, 200, readFileSync(file), contentTypeFor(file));
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, encodedMethod: string): Promise<void> {
    if (request.method !== 'POST') return refuse(response, 405, 'Method not allowed.');
    if (request.headers.origin !== origin) return refuse(response, 403, 'Requests from other sites are refused.');
    const fetchSite = request.headers['sec-fetch-site'];
    if (fetchSite !== undefined && fetchSite !== 'same-origin') return refuse(response, 403, 'Requests from other sites are refused.');
    const given = request.headers[tokenHeaderName];
    if (typeof given !== 'string' || !sameSecret(given, token)) return refuse(response, 401, 'Missing or wrong token.');
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return refuse(response, 415, 'Send JSON.');
    }
    const body = await readBody(request, response, limits.maxBodyBytes);
    if (body === null) return;
    const method = methodName(encodedMethod);
    const input = parseJson(body);
    const result =
      method === null
        ? { ok: false, error: { code: 'unknown_method', message: 'There is no action by that name.' } }
        : input.ok
          ? await options.core.call(method, input.value)
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
    url: `${origin}/#${tokenFragmentName}=${token}`,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
