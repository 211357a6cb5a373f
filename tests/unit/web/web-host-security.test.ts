import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inProcessCore } from '../../../electron/core/client';
import { startWebHost, type WebHost } from '../../../electron/web/server';
import { tokenHeaderName as TOKEN_HEADER } from '../../../shared/bridge';
import { FONTS_DIR, tempDataDir, TEST_KDF } from '../../../scripts/fixtures/core';

// Browser mode refuses a request without the token, with a wrong token, from another origin or
// to another host name; and serves nothing outside the renderer folder.

function rawRequest(
  host: WebHost,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  const url = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

let host: WebHost;
let rendererDir: string;
const client = inProcessCore({ dataDir: tempDataDir('web'), fontsDir: FONTS_DIR, kdfCost: TEST_KDF });

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'escalation-log-renderer-'));
  rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
  symlinkSync(join(root, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
  host = await startWebHost({ core: client, rendererDir });
});
afterAll(async () => {
  await host.close();
  await client.close();
});

function apiCall(headers: Record<string, string>, body = '{}') {
  return rawRequest(host, {
    method: 'POST',
    path: '/api/session.status',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

describe('browser mode API', () => {
  it('answers with the token, from our own origin', async () => {
    const res = await apiCall({ origin: host.origin, [TOKEN_HEADER]: host.token });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { state: 'not-set-up' } });
  });

  it('refuses a request without the token', async () => {
    const res = await apiCall({ origin: host.origin });
    expect(res.status).toBe(401);
    expect(res.body).not.toContain('not-set-up');
  });

  it('refuses a wrong token, including one that differs only in length', async () => {
    expect((await apiCall({ origin: host.origin, [TOKEN_HEADER]: `${host.token.slice(0, -1)}x` })).status).toBe(401);
    expect((await apiCall({ origin: host.origin, [TOKEN_HEADER]: `${host.token}x` })).status).toBe(401);
  });

  it('refuses a request from another origin even with the token', async () => {
    const otherPort = String(Number(new URL(host.origin).port) + 1);
    for (const origin of [
      'http://127.0.0.1:' + otherPort,
      'http://localhost:' + new URL(host.origin).port,
      'null',
      'https://example.org',
    ]) {
      const res = await apiCall({ origin, [TOKEN_HEADER]: host.token });
      expect(res.status, origin).toBe(403);
    }
    expect((await apiCall({ [TOKEN_HEADER]: host.token })).status).toBe(403);
    expect((await apiCall({ origin: host.origin, 'sec-fetch-site': 'cross-site', [TOKEN_HEADER]: host.token })).status).toBe(403);
  });

  it('refuses another host name (DNS rebinding)', async () => {
    const res = await rawRequest(host, {
      method: 'POST',
      path: '/api/session.status',
      headers: {
        host: `evil.example:${new URL(host.origin).port}`,
        origin: host.origin,
        [TOKEN_HEADER]: host.token,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(res.status).toBe(421);
  });

  it('refuses GET and non-JSON posts to the API', async () => {
    expect(
      (await rawRequest(host, { path: '/api/session.status', headers: { origin: host.origin, [TOKEN_HEADER]: host.token } })).status,
    ).toBe(405);
    expect((await apiCall({ origin: host.origin, [TOKEN_HEADER]: host.token, 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('answers unparseable JSON as invalid input', async () => {
    const res = await apiCall({ origin: host.origin, [TOKEN_HEADER]: host.token }, '{not json');
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('browser mode pages', () => {
  it('serves the renderer without a token, with no token and no cookie in it, and the security headers', async () => {
    const page = await rawRequest(host, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>t</title>');
    expect(page.body).not.toContain(host.token);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await rawRequest(host, { path: '/assets/app.js' })).status).toBe(200);
    // A token in the query (where an old address put it) changes nothing: the page is the same, and no cookie is set.
    const old = await rawRequest(host, { path: `/?token=${host.token}` });
    expect(old.status).toBe(200);
    expect(old.headers['set-cookie']).toBeUndefined();
    expect(old.body).not.toContain(host.token);
  });

  it('prints an address whose token is in the fragment, which no browser sends to a server', () => {
    const url = new URL(host.url);
    expect(url.origin).toBe(host.origin);
    expect(url.pathname).toBe('/');
    expect(url.search).toBe('');
    expect(url.hash).toBe(`#token=${host.token}`);
  });

  it('serves nothing outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/assets/link.txt',
      '/assets',
      '/.env',
      '/assets/..%5c..%5csecret.txt',
    ]) {
      const res = await rawRequest(host, { path });
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('outside the renderer');
    }
  });
});
