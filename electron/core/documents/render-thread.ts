import { parentPort } from 'node:worker_threads';
import { z } from 'zod';
import { buildDocument, type DocumentJob } from './jobs';
import { DocumentRenderError, renderPdf } from './pdf';

// The render thread's entry. pdfmake lays a document out in one synchronous stretch (about half a
// second for a 40-page chronology on a fast PC, several on an old one), which would hold up the core
// worker's event loop: a Lock pressed meanwhile would wait for it. Here, in a thread of its own, it
// holds up nothing else. It gets a job (plain data) and the fonts folder, and answers with the PDF
// bytes or the render error's reason and message. It never sees the database or the key.

const request = z.object({
  id: z.number().int(),
  job: z.custom<DocumentJob>((value) => typeof value === 'object' && value !== null),
  fontsDir: z.string(),
});

const port = parentPort;
if (!port) throw new Error('render-thread.ts must run as a worker thread.');

port.on('message', (raw: unknown) => {
  const parsed = request.safeParse(raw);
  if (!parsed.success) return;
  const { id, job, fontsDir } = parsed.data;
  void (async () => {
    try {
      const pdf = await renderPdf(buildDocument(job), { fontsDir });
      const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice();
      port.postMessage({ id, ok: true, pdf: bytes }, [bytes.buffer]);
    } catch (error) {
      const failure = error instanceof DocumentRenderError ? error : new DocumentRenderError('failed', 'The document could not be made.');
      port.postMessage({ id, ok: false, reason: failure.reason, message: failure.message });
    }
  })();
});
