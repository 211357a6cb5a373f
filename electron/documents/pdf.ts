import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

// Rendering a document definition to PDF bytes. pdfmake can fetch URLs and read local files for
// images and fonts; a safeguarding app must do neither beyond its own fonts, so URL access is
// denied outright and local reads are limited to the fonts folder (real paths, so neither `..`
// nor a symlink can lead out of it).

export class DocumentRenderError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'DocumentRenderError';
  }
}

function insideFolder(folder: string, path: string): boolean {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return false;
  }
  const rel = relative(folder, real);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

let configuredFor: string | null = null;

function configure(fontsDir: string): void {
  if (configuredFor === fontsDir) return;
  const folder = realpathSync(fontsDir);
  pdfmake.setFonts({
    Roboto: {
      normal: join(folder, 'Roboto', 'Roboto-Regular.ttf'),
      bold: join(folder, 'Roboto', 'Roboto-Medium.ttf'),
      italics: join(folder, 'Roboto', 'Roboto-Italic.ttf'),
      bolditalics: join(folder, 'Roboto', 'Roboto-MediumItalic.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => insideFolder(folder, path));
  configuredFor = fontsDir;
}

/**
 * The PDF bytes for `doc`. Fails with DocumentRenderError, never by reaching outside the fonts folder.
 * pdfmake changes the definition it is given: build a fresh one for every render.
 */
export async function renderPdf(doc: TDocumentDefinitions, options: { fontsDir: string }): Promise<Buffer> {
  configure(options.fontsDir);
  try {
    return await pdfmake.createPdf({ ...doc, defaultStyle: { font: 'Roboto', ...doc.defaultStyle } }).getBuffer();
  } catch (error) {
    throw new DocumentRenderError('The document could not be made.', { cause: error });
  }
}
