import { parentPort, Worker, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { Dispatcher } from './dispatcher';
import { threadRenderer } from './documents/renderer';

// The core worker's entry: it owns the encrypted file, the services and document generation, so
// a long PDF or audit never freezes the window, and every write goes through one queue in order.
// Started by the Electron main process and, the same way, by the browser-mode web host. PDFs are
// laid out in a thread of their own (pdf-worker.js, built beside this file), so a Lock is answered
// while a long document is still being made. Nothing that goes wrong answering one call may stop
// the thread: every failure becomes an answer.

const options = z.object({ dataDir: z.string().min(1), fontsDir: z.string().min(1) }).parse(workerData);
const port = parentPort;
if (!port) throw new Error('core.ts must run as a worker thread.');

const dispatcher = new Dispatcher({
  ...options,
  documents: threadRenderer(() => new Worker(new URL('./pdf-worker.js', import.meta.url)), options.fontsDir),
});

const INTERNAL = { code: 'internal', message: 'Something went wrong and nothing was saved. Try again.' } as const;

const message = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call'), id: z.number().int(), method: z.string().max(100), input: z.unknown() }),
  z.object({ type: z.literal('shutdown') }),
]);

// Idle lock: checked every 15 seconds; the period itself is a setting (default 5 minutes).
const idleTimer = setInterval(() => {
  dispatcher.lockIfIdle().then(
    (locked) => {
      if (locked) port.postMessage({ type: 'event', event: 'locked' });
    },
    (error: unknown) => console.error('[core] idle lock failed:', error instanceof Error ? error.name : 'unknown error'),
  );
}, 15_000);
idleTimer.unref();

/** Posts a call's result; one that can't be sent (it can't be copied to the other thread) is answered as an internal error. */
const answer = (id: number, result: unknown): void => {
  try {
    port.postMessage({ type: 'result', id, result });
  } catch (error) {
    console.error('[core] an answer could not be sent:', error instanceof Error ? error.name : 'unknown error');
    port.postMessage({ type: 'result', id, result: { ok: false, error: INTERNAL } });
  }
};

port.on('message', (raw: unknown) => {
  const parsed = message.safeParse(raw);
  if (!parsed.success) return;
  const msg = parsed.data;
  if (msg.type === 'shutdown') {
    clearInterval(idleTimer);
    void dispatcher.shutdown().finally(() => port.postMessage({ type: 'closed' }));
    return;
  }
  dispatcher.call(msg.method, msg.input).then(
    (result) => answer(msg.id, result),
    () => answer(msg.id, { ok: false, error: INTERNAL }),
  );
});
