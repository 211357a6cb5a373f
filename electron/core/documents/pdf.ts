import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { fontDictionary, missingFontFiles, TEXT_FONT } from './fonts';
import { findOutsideImage, findOutsideReference, type RefusedReference } from './references';
import { keepTableRowsWhole } from './table-rows';

// Rendering a document definition to PDF bytes, in the core worker (no `electron` import). pdfmake
// can fetch URLs and read local files for images, attachments and fonts; a safeguarding app must do
// neither beyond its own fonts. So, in two layers:
//  1. references.ts refuses, before pdfmake starts, any URL, any local path outside the fonts folder
//     and any embedded file — with a reason a person can act on;
//  2. pdfmake's own policies deny every URL (nothing is ever fetched, so nothing can hang on the
//     network) and limit local reads to the fonts folder, by real path so neither `..` nor a
//     symlink can lead out of it.
// pdfmake 0.3's Node API is one shared instance: setFonts, setUrlAccessPolicy, setLocalAccessPolicy,
// then createPdf(doc).getBuffer(). createPdf captures the fonts and policies when it is called, so
// setting them before every render is safe with renders in flight.

export type DocumentRenderFailure = 'refused-url' | 'refused-file' | 'fonts-missing' | 'failed';

export class DocumentRenderError extends Error {
  readonly reason: DocumentRenderFailure;

  constructor(reason: DocumentRenderFailure, message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'DocumentRenderError';
    this.reason = reason;
  }
}

/** True when `path` is, after resolving every symlink and `..`, a regular file inside `folder` (a real path). */
export function localAccessAllowed(folder: string, path: string): boolean {
  let real: string;
  try {
    real = realpathSync(path);
    if (!statSync(real).isFile()) return false;
  } catch {
    return false;
  }
  const rel = relative(folder, real);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function refusal(refused: RefusedReference): DocumentRenderError {
  switch (refused.reason) {
    case 'url':
      return new DocumentRenderError(
        'refused-url',
        `The document refers to a web address (${refused.value}). Documents are made only from what is on this computer.`,
      );
    case 'local-file':
      return new DocumentRenderError(
        'refused-file',
        `The document refers to a file outside the fonts folder (${refused.value}). Documents may read only their fonts.`,
      );
    case 'embedded-file':
      return new DocumentRenderError('refused-file', `The document tries to embed a file ("${refused.value}"). Documents embed no files.`);
  }
}

/** The fonts folder as a real path, with every font file in it, or a clear error. */
function fontsFolder(fontsDir: string): string {
  let folder: string;
  try {
    folder = realpathSync(fontsDir);
  } catch (error) {
    throw new DocumentRenderError('fonts-missing', `The PDF fonts folder is missing (${fontsDir}). Reinstall Escalation Log.`, {
      cause: error,
    });
  }
  const missing = missingFontFiles(folder);
  if (missing.length > 0) {
    throw new DocumentRenderError(
      'fonts-missing',
      `The PDF fonts are missing from ${folder} (${missing.join(', ')}). Reinstall Escalation Log.`,
    );
  }
  return folder;
}

/**
 * Headers, footers and backgrounds given as functions are called during layout, so what they return
 * is checked as it is made; the wrapper throws DocumentRenderError, which pdfmake passes through.
 * (A 0.3 `section` node's own header function is not wrapped: pdfmake's policies still cover its
 * images, and no document of ours uses sections.)
 */
function checked<A extends unknown[]>(
  dynamic: (...args: A) => Content | null | undefined,
  imageKeys: ReadonlySet<string>,
  allowed: (path: string) => boolean,
): (...args: A) => Content | null | undefined {
  return (...args) => {
    const made = dynamic(...args);
    const refused = findOutsideReference(made, imageKeys, allowed);
    if (refused) throw refusal(refused);
    return made;
  };
}

function classify(error: unknown): DocumentRenderError {
  if (error instanceof DocumentRenderError) return error;
  const message = error instanceof Error ? error.message : '';
  // pdfmake's own policy messages: the second layer caught something the first did not.
  if (message.startsWith('Access to URL denied')) {
    return new DocumentRenderError(
      'refused-url',
      'The document refers to a web address. Documents are made only from what is on this computer.',
      {
        cause: error,
      },
    );
  }
  if (message.startsWith('Access to local file denied')) {
    return new DocumentRenderError(
      'refused-file',
      'The document refers to a file outside the fonts folder. Documents may read only their fonts.',
      {
        cause: error,
      },
    );
  }
  // Other messages can quote the definition (and so a record), so they stay in `cause`, not the message.
  return new DocumentRenderError('failed', 'The document could not be made.', { cause: error });
}

/**
 * The PDF bytes for `doc`, set in the fonts of `opts.fontsDir` (an absolute path: the caller resolves
 * it, see fontsDirFor in fonts.ts). Rejects with DocumentRenderError, never by reaching outside the
 * fonts folder. pdfmake changes the definition it is given: build a fresh one for every render.
 */
export async function renderPdf(doc: TDocumentDefinitions, opts: { fontsDir: string }): Promise<Buffer> {
  const folder = fontsFolder(opts.fontsDir);
  const allowed = (path: string): boolean => localAccessAllowed(folder, path);

  const imageKeys = new Set(Object.keys(doc.images ?? {}));
  const refused =
    findOutsideImage(doc.images, allowed) ??
    findOutsideReference(
      // Under their own names, so `attachments` and `files` are seen as embedding keys.
      {
        content: doc.content,
        attachments: doc.attachments,
        files: doc.files,
        header: doc.header,
        footer: doc.footer,
        background: doc.background,
        watermark: doc.watermark,
      },
      imageKeys,
      allowed,
    );
  if (refused) throw refusal(refused);

  const definition: TDocumentDefinitions = {
    ...doc,
    header: typeof doc.header === 'function' ? checked(doc.header, imageKeys, allowed) : doc.header,
    footer: typeof doc.footer === 'function' ? checked(doc.footer, imageKeys, allowed) : doc.footer,
    background: typeof doc.background === 'function' ? checked(doc.background, imageKeys, allowed) : doc.background,
    info: { ...doc.info, creator: 'Escalation Log', producer: 'Escalation Log' },
    defaultStyle: { font: TEXT_FONT, ...doc.defaultStyle },
  };

  pdfmake.setFonts(fontDictionary(folder));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(allowed);
  try {
    // Tables that keep their rows whole are first made safe to (table-rows.ts): no row is ever dropped.
    await keepTableRowsWhole(definition, probeLayout);
    return await pdfmake.createPdf(definition).getBuffer();
  } catch (error) {
    throw classify(error);
  }
}

/** Lays out a probe document (fonts and policies as set for the render) and reports where each node with an id starts. */
async function probeLayout(doc: TDocumentDefinitions): Promise<Map<string, { pageNumber: number; top: number }>> {
  const positions = new Map<string, { pageNumber: number; top: number }>();
  await pdfmake
    .createPdf({
      ...doc,
      pageBreakBefore: (node) => {
        if (node.id) positions.set(node.id, { pageNumber: node.startPosition.pageNumber, top: node.startPosition.top });
        return false;
      },
    })
    .getBuffer();
  return positions;
}
