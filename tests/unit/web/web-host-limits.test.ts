import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreClient } from '../../../electron/core/client';
import { startWebHost, type WebHost, type WebHostLimits } from '../../../electron/web/server';
import { tokenHeaderName } from '../../../shared/bridge';

// Browser mode's limits, each against a client that misbehaves: a body past the limit is answered
// 413 (the client reads the answer; the connection is not reset), a client that sends its headers
// slowly or never finishes its body is cut off, and connections past the cap are closed, while the
// host goes on answering well-behaved calls.

const core: CoreClient = {
  call: (method) => Promise.resolve({ ok: true, value: { method } }),
  close: () => Promise.resolve(),
  onLocked: () => undefined,
};

function rendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'escalation-log-limits-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  return dir;
}

let host: WebHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

async function start(limits: Partial<WebHostLimits>): Promise<WebHost> {
  host = await startWebHost({ core, rendererDir: rendererDir(), limits });
  return host;
}

function port(web: WebHost): number {
  return Number(new URL(web.origin).port);
}

function post(web: WebHost, body: Buffer, mode: 'length' | 'chunked'): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = {
      origin: web.origin,
      [tokenHeaderName]: web.token,
      'content-type': 'application/json',
      ...(mode === 'length' ? { 'content-length': body.length } : { 'transfer-encoding': 'chunked' }),
    };
    const req = request({ host: '127.0.0.1', port: port(web), method: 'POST', path: '/api/session.status', headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    if (mode === 'chunked') {
      const step = 256 * 1024;
      for (let at = 0; at < body.length; at += step) req.write(body.subarray(at, at + step));
      req.end();
    } else {
      req.end(body);
    }
  });
}

/** Resolves with how long the server took to close the socket, and what it sent before closing. */
function closedAfter(socket: Socket): Promise<{ ms: number; received: string }> {
  const started = Date.now();
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  return new Promise((resolve) => {
    socket.on('close', () => resolve({ ms: Date.now() - started, received }));
    socket.on('error', () => undefined);
  });
}

function open(web: WebHost): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port(web), '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('browser mode limits', () => {
  it('answers a body past the limit with 413 that the client can read, declared or streamed, and goes on answering', async () => {
    const web = await start({ maxBodyBytes: 64 * 1024 });
    const huge = Buffer.alloc(3 * 1024 * 1024, 0x61);
    for (const mode of ['length', 'chunked'] as const) {
      const answer = await post(web, huge, mode);
      expect(answer, mode).toMatchObject({ status: 413 });
      if ('body' in answer) expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await post(web, Buffer.from('{}'), 'length')).toMatchObject({ status: 200 });
  });

  it('cuts off a client that is slow to send its headers', async () => {
    const web = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600, timeoutCheckIntervalMs: 50 });
    const socket = await open(web);
    const closed = closedAfter(socket);
    // Half a request line, then nothing more.
    socket.write(`POST /api/session.status HTTP/1.1\r\nHost: 127.0.0.1:${port(web)}\r\n`);
    const { ms, received } = await closed;
    expect(ms).toBeLessThan(2_000);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });

  it('cuts off a client that never finishes its body', async () => {
    const web = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600, timeoutCheckIntervalMs: 50 });
    const socket = await open(web);
    const closed = closedAfter(socket);
    socket.write(
      `POST /api/session.status HTTP/1.1\r\nHost: 127.0.0.1:${port(web)}\r\nOrigin: ${web.origin}\r\n` +
        `${tokenHeaderName}: ${web.token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":`,
    );
    const { ms } = await closed;
    expect(ms).toBeLessThan(2_500);
  });

  it('closes connections past the cap, and answers again once they are gone', async () => {
    const web = await start({ maxConnections: 3 });
    const held = await Promise.all([open(web), open(web), open(web)]);
    const extra = await open(web);
    const { received } = await closedAfter(extra);
    expect(received).toBe('');
    held.forEach((socket) => socket.destroy());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await post(web, Buffer.from('{}'), 'length')).toMatchObject({ status: 200 });
  });

  it('answers a method name that is not valid percent-encoding as an unknown method', async () => {
    const web = await start({});
    const answer = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: port(web),
          method: 'POST',
          path: '/api/%E0%A4%A',
          headers: { origin: web.origin, [tokenHeaderName]: web.token, 'content-type': 'application/json' },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve(text));
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(JSON.parse(answer)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });
});
