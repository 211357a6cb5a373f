import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// A PDF page as a PNG, to be opened and looked at: rendered with pdfjs-dist onto @napi-rs/canvas
// (the canvas pdfjs-dist itself uses in Node), so it needs nothing installed beyond npm packages —
// no poppler. Resolves null where that canvas is not available (it is an optional package).

interface Canvas {
  getContext(kind: '2d'): unknown;
  toBuffer(mime: 'image/png'): Buffer;
}

export async function pdfPageToPng(pdfPath: string, page: number, pngPath: string, scale = 1.5): Promise<string | null> {
  const require = createRequire(import.meta.url);
  let createCanvas: (width: number, height: number) => Canvas;
  try {
    const canvasModule: { createCanvas: (width: number, height: number) => Canvas } = await import(require.resolve('@napi-rs/canvas'));
    createCanvas = canvasModule.createCanvas;
  } catch {
    return null;
  }
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(pdfPath)), isEvalSupported: false }).promise;
  try {
    const pdfPage = await document.getPage(page);
    const viewport = pdfPage.getViewport({ scale });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    if (context && typeof context === 'object' && 'fillRect' in context && typeof context.fillRect === 'function') {
      Reflect.set(context, 'fillStyle', '#ffffff');
      context.fillRect(0, 0, viewport.width, viewport.height);
    }
    // @napi-rs/canvas stands in for the browser's canvas (pdfjs-dist's own Node path does the same).
    const parameters = { canvasContext: context, viewport, canvas } as unknown as Parameters<typeof pdfPage.render>[0];
    await pdfPage.render(parameters).promise;
    writeFileSync(pngPath, canvas.toBuffer('image/png'));
    return pngPath;
  } finally {
    await document.destroy();
  }
}
