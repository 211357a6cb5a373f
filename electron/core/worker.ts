import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { Dispatcher } from './dispatcher';

// The core worker's entry: it owns the encrypted file, the services and document generation, so
// a long PDF or audit never freezes the window, and every write goes through one queue in order.
// Started by the Electron main process and, the same way, by the browser-mode web host.

const options = z.object({ dataDir: z.string().min(1), fontsDir: z.string().min(1) }).parse(workerData);
const port = parentPort;
if (!port) throw new Error('core.ts must run as a worker thread.');

const dispatcher = new Dispatcher(options);

const message = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call'), id: z.number().int(), method: z.string().max(100), input: z.unknown() }),
  z.object({ type: z.literal('shutdown') }),
]);

// Idle lock: checked every 15 seconds; the period itself is a setting (default 5 minutes).
const idleTimer = setInterval(() => {
  void dispatcher.lockIfIdle().then((locked) => {
    if (locked) port.postMessage({ type: 'event', event: 'locked' });
  });
}, 15_000);
idleTimer.unref();

port.on('message', (raw: unknown) => {
  const parsed = message.safeParse(raw);
  if (!parsed.success) return;
  const msg = parsed.data;
  if (msg.type === 'shutdown') {
    clearInterval(idleTimer);
    void dispatcher.shutdown().finally(() => port.postMessage({ type: 'closed' }));
    return;
  }
  void dispatcher.call(msg.method, msg.input).then((result) => port.postMessage({ type: 'result', id: msg.id, result }));
});
