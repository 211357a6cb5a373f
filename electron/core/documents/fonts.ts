import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TFontDictionary } from 'pdfmake/interfaces';

// The fonts every document is set in, and where their folder is. DejaVu Sans, because children's
// and families' names must print as written: Zoë, Siân, Łukasz, Nguyễn, Ngọc, Adéṣọlá (Yoruba),
// Kwabɛna (Akan). It covers Latin with all its extensions, IPA, Greek and Cyrillic, and — unlike
// Noto Sans, which we tried — it does not split ọ, ṣ, ẹ into a letter and a dot, which PDFKit's
// text layer cannot map back (every later plain "o" then copies and searches as "ọ"). DejaVu Sans
// Mono Bold sets the recovery key, so every character takes the same width and the groups line
// up in columns. Licence: resources/fonts/LICENSE.txt (Bitstream Vera and Arev terms; DejaVu's own
// changes are public domain). Files are read from this folder only: see pdf.ts.

/** The family for all text. */
export const TEXT_FONT = 'DejaVuSans';
/** The fixed-width family, bold only (used for the recovery key). */
export const KEY_FONT = 'DejaVuSansMono';

const FILES = {
  [TEXT_FONT]: {
    normal: 'DejaVuSans.ttf',
    bold: 'DejaVuSans-Bold.ttf',
    italics: 'DejaVuSans-Oblique.ttf',
    bolditalics: 'DejaVuSans-BoldOblique.ttf',
  },
  // One weight is shipped; pdfmake wants all four styles named, so they all point at it.
  [KEY_FONT]: {
    normal: 'DejaVuSansMono-Bold.ttf',
    bold: 'DejaVuSansMono-Bold.ttf',
    italics: 'DejaVuSansMono-Bold.ttf',
    bolditalics: 'DejaVuSansMono-Bold.ttf',
  },
} as const;

/** pdfmake's font dictionary with absolute paths into `folder` (already a real path). */
export function fontDictionary(folder: string): TFontDictionary {
  const dictionary: TFontDictionary = {};
  for (const [family, styles] of Object.entries(FILES)) {
    dictionary[family] = {
      normal: join(folder, styles.normal),
      bold: join(folder, styles.bold),
      italics: join(folder, styles.italics),
      bolditalics: join(folder, styles.bolditalics),
    };
  }
  return dictionary;
}

/** The font files that are not in `folder`, so a broken install fails with a clear message. */
export function missingFontFiles(folder: string): string[] {
  const names = new Set(Object.values(FILES).flatMap((styles) => Object.values(styles)));
  return [...names].filter((name) => !existsSync(join(folder, name)));
}

/**
 * The absolute fonts folder the core worker is given. In development (and in browser mode and tests)
 * it is the repository's resources/fonts under the app's root; packaged, electron-builder copies
 * resources/fonts to `<process.resourcesPath>/fonts` (extraResources), outside the asar archive, so
 * pdfmake reads plain files. The main process passes `app.isPackaged`, `process.resourcesPath` and
 * `app.getAppPath()`; this module never imports `electron`.
 */
export function fontsDirFor(where: { packaged: boolean; resourcesPath: string; appRoot: string }): string {
  return where.packaged ? join(where.resourcesPath, 'fonts') : join(where.appRoot, 'resources', 'fonts');
}
