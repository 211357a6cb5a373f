import type { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { buildDocument, type DocumentJob } from './jobs';
import { DocumentRenderError, renderPdf, type DocumentRenderFailure } from './pdf';

// How the core turns a document job into PDF bytes. Rendering needs no database and no session, so
// the dispatcher runs it outside its queue (see outside-queue.ts); and because pdfmake's layout is
// one long synchronous stretch, the app renders in a thread of its own (render-thread.ts), so a
// Lock, or any other call, is answered while a long document is still being laid out.
// Tests that need no thread render in this one.

export interface DocumentRenderer {
  render(job: DocumentJob): Promise<Buffer>;
  close(): Promise<void>;
}

/** Renders in the calling thread: for tests and tools. Blocks that thread's event loop while it lays out. */
export function inThreadRenderer(fontsDir: string): DocumentRenderer {
  return {
    render: (job) => renderPdf(buildDocument(job), { fontsDir }),
    close: () => Promise.resolve(),
  };
}

const reply = z.union([
  z.object({ id: z.number(), ok: z.literal(true), pdf: z.instanceof(Uint8Array) }),
  z.object({
    id: z.number(),
    ok: z.literal(false),
    reason: z.enum(['refused-url', 'refused-file', 'fonts-missing', 'failed'] satisfies DocumentRenderFailure[]),
    message: z.string(),
  }),
]);

/**
 * Renders in a worker thread started on first use (`start` makes it: the app passes the built
 * render-thread's file). If the thread dies, the renders waiting on it fail and the next job
 * starts a new one.
 */
export function threadRenderer(start: () => Worker, fontsDir: string): DocumentRenderer {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (pdf: Buffer) => void; reject: (error: Error) => void }>();

  const failAll = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };

  const thread = (): Worker => {
    if (worker) return worker;
    const started = start();
    started.on('message', (raw: unknown) => {
      const parsed = reply.safeParse(raw);
      if (!parsed.success) return;
      const answer = parsed.data;
      const waiting = pending.get(answer.id);
      pending.delete(answer.id);
      if (!waiting) return;
      if (answer.ok) waiting.resolve(Buffer.from(answer.pdf.buffer, answer.pdf.byteOffset, answer.pdf.byteLength));
      else waiting.reject(new DocumentRenderError(answer.reason, answer.message));
    });
    const stopped = (why: string) => {
      if (worker === started) worker = null;
      failAll(new DocumentRenderError('failed', `The document could not be made (${why}).`));
    };
    started.on('error', () => stopped('the render thread failed'));
    started.on('exit', () => stopped('the render thread stopped'));
    // An idle render thread never keeps the process alive.
    started.unref();
    worker = started;
    return started;
  };

  return {
    render(job) {
      const id = nextId++;
      return new Promise<Buffer>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        try {
          thread().postMessage({ id, job, fontsDir });
        } catch (error) {
          pending.delete(id);
          reject(new DocumentRenderError('failed', 'The document could not be made.', { cause: error }));
        }
      });
    },
    async close() {
      const running = worker;
      worker = null;
      if (running) await running.terminate();
    },
  };
}
