import { getDocument, PDFDateString, VerbosityLevel, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

// PDFs are checked by what a person would read in them, with pdfjs (an npm package, so the tests
// need nothing installed on the machine). Text is laid out roughly as on the page, like
// `pdftotext -layout`: pieces of text on the same baseline make one line, top to bottom, left to
// right, indented by where the line starts; a gap the width of a word space becomes one space, a
// wider gap (a table column, a header's left and right parts) two or more, and pieces that touch are
// joined with none. pdfjs's own
// whitespace pieces are ignored: spacing comes from where the text is drawn.

async function open<T>(bytes: Buffer, read: (document: PDFDocumentProxy) => Promise<T>): Promise<T> {
  // pdfjs takes ownership of the buffer it is given, so it gets a copy.
  const document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: VerbosityLevel.ERRORS }).promise;
  try {
    return await read(document);
  } finally {
    await document.destroy();
  }
}

interface Piece {
  text: string;
  x: number;
  end: number;
  baseline: number;
  size: number;
}

function pieces(items: readonly unknown[]): Piece[] {
  return items
    .filter((item): item is TextItem => typeof item === 'object' && item !== null && 'str' in item)
    .filter((item) => item.str.trim() !== '')
    .map((item) => {
      const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
      return { text: item.str, x, end: x + item.width, baseline: y, size: Math.hypot(a, b) || item.height };
    });
}

function lines(page: Piece[]): string[] {
  // Top to bottom (PDF y grows upwards), then a line is every piece whose baseline is within a
  // fraction of the text size of the line's first piece.
  const sorted = [...page].sort((p, q) => q.baseline - p.baseline || p.x - q.x);
  const grouped: Piece[][] = [];
  for (const piece of sorted) {
    const line = grouped.at(-1);
    const first = line?.[0];
    if (line && first && Math.abs(first.baseline - piece.baseline) <= 0.4 * Math.min(first.size, piece.size)) line.push(piece);
    else grouped.push([piece]);
  }
  const left = Math.min(...page.map((piece) => piece.x));
  return grouped.map((line) => {
    line.sort((p, q) => p.x - q.x);
    // Indented by where the line starts, as a column's second line is.
    let text = ' '.repeat(Math.round((line[0] ? line[0].x - left : 0) / (0.5 * (line[0]?.size ?? 1))));
    let previous: Piece | undefined;
    for (const piece of line) {
      if (previous) {
        const gap = piece.x - previous.end;
        const size = Math.min(previous.size, piece.size);
        if (gap > size) text += ' '.repeat(Math.max(2, Math.round(gap / (0.5 * size))));
        else if (gap > 0.15 * size && !/\s$/.test(text) && !/^\s/.test(piece.text)) text += ' ';
      }
      text += piece.text;
      previous = piece;
    }
    return text.trimEnd();
  });
}

/** Each page's text, in order, one line of text per line on the page. */
export function pdfPages(bytes: Buffer): Promise<string[]> {
  return open(bytes, async (document) => {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      pages.push(`${lines(pieces((await page.getTextContent()).items)).join('\n')}\n`);
    }
    return pages;
  });
}

/** The whole document's text; pages are separated by form feeds. */
export async function pdfText(bytes: Buffer): Promise<string> {
  return (await pdfPages(bytes)).join('\f');
}

// Paper sizes named as pdfinfo names them, in points, either way up.
const PAPER: [string, number, number][] = [
  ['A3', 841.89, 1190.55],
  ['A4', 595.28, 841.89],
  ['A5', 419.53, 595.28],
  ['letter', 612, 792],
  ['legal', 612, 1008],
];

/** Like printf's %g: six significant digits, no trailing zeros. */
const g = (value: number): string => String(Number(value.toPrecision(6)));

function pageSize(view: number[]): string {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = view;
  const width = Math.abs(x1 - x0);
  const height = Math.abs(y1 - y0);
  const paper = PAPER.find(
    ([, w, h]) => (Math.abs(width - w) < 1 && Math.abs(height - h) < 1) || (Math.abs(width - h) < 1 && Math.abs(height - w) < 1),
  );
  return `${g(width)} x ${g(height)} pts${paper ? ` (${paper[0]})` : ''}`;
}

/**
 * The document's details by the names pdfinfo gives them: Title, Subject, Keywords, Author, Creator,
 * Producer, CreationDate and ModDate (as ISO instants), Pages, Page size (of the first page, e.g.
 * "595.28 x 841.89 pts (A4)") and PDF version. A detail the file does not have is absent.
 */
export function pdfInfo(bytes: Buffer): Promise<Record<string, string>> {
  return open(bytes, async (document) => {
    // pdfjs types the document information dictionary as a bare Object.
    const info = (await document.getMetadata()).info as Record<string, unknown>;
    const fields: Record<string, string> = {};
    for (const name of ['Title', 'Subject', 'Keywords', 'Author', 'Creator', 'Producer']) {
      const value = info[name];
      if (typeof value === 'string' && value !== '') fields[name] = value;
    }
    for (const name of ['CreationDate', 'ModDate']) {
      const value = info[name];
      const date = typeof value === 'string' ? PDFDateString.toDateObject(value) : null;
      if (date) fields[name] = date.toISOString();
    }
    fields.Pages = String(document.numPages);
    fields['Page size'] = pageSize((await document.getPage(1)).view);
    if (typeof info.PDFFormatVersion === 'string') fields['PDF version'] = info.PDFFormatVersion;
    return fields;
  });
}
