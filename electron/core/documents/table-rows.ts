import type { Content, ContentTable, Style, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';

// Table rows kept whole across a page break, without losing a word. pdfmake's `dontBreakRows` moves
// a row that does not fit at the foot of a page to the next page whole, which is what a reader wants
// (a decision split from its date is hard to follow). But a row taller than a whole page cannot be
// kept whole, and pdfmake then prints only its first page and drops the rest, silently: in a
// safeguarding record that is never acceptable. So, before a document is rendered, every table with
// `dontBreakRows` is checked row by row, and a row that would not fit on a page of its own is split
// into rows that each do (its long text divided at spaces; the parts after the first marked as
// continued), which pdfmake then places whole, one after another, across pages.
//
// How tall a row is depends on pdfmake's own line breaking, so it is measured by pdfmake: rows that
// are surely short (a safe upper bound on their height, from the number of characters) need nothing;
// the others are laid out once, all together, in a probe document of the same width and styles on a
// very tall page, and read back from their positions.

/** Lays out a probe document and reports where each node with an id starts. */
export type ProbeLayout = (doc: TDocumentDefinitions) => Promise<Map<string, { pageNumber: number; top: number }>>;

const A4 = { width: 595.28, height: 841.89 };
/** Tall enough for most tables in one page; a probe that runs onto more pages is still read correctly. */
const PROBE_PAGE_HEIGHT = 14_000;
/** Kept free at the foot of every page: pdfmake's own rounding, and the borders drawn around a row. */
const SAFETY = 6;
/** Widest glyph of the text fonts (DejaVu Sans) in the scripts checked here, in ems, rounded up. */
const WIDEST_GLYPH_EM = 1.5;
/** DejaVu Sans's line height in ems (ascender + descender, 1.164), rounded up. */
const FONT_LINE_EM = 1.2;
/** Latin, Greek, Cyrillic, general punctuation and symbols: scripts DejaVu Sans draws, none wider than WIDEST_GLYPH_EM. */
const MEASURABLE = /^[\t\n\u0020-\u058f\u1e00-\u1fff\u2000-\u206f\u20a0-\u20cf\u2100-\u214f\u2190-\u21ff]*$/u;
const CONTINUED = '(continued)';

interface Geometry {
  pageInnerHeight: number;
  textWidth: number;
  pageWidth: number;
  sideMargins: [number, number];
}

function geometry(doc: TDocumentDefinitions): Geometry | null {
  if (doc.pageSize !== 'A4' || doc.pageOrientation === 'landscape') return null;
  const margins = doc.pageMargins;
  if (!Array.isArray(margins) || margins.length !== 4) return null;
  const [left, top, right, bottom] = margins;
  return {
    pageInnerHeight: A4.height - top - bottom,
    textWidth: A4.width - left - right,
    pageWidth: A4.width,
    sideMargins: [left, right],
  };
}

function isTable(content: unknown): content is ContentTable {
  return typeof content === 'object' && content !== null && 'table' in content;
}

/** Every table in the content that asks for its rows to be kept whole (looking inside stacks). */
function keptWholeTables(content: Content | undefined, found: ContentTable[] = []): ContentTable[] {
  if (Array.isArray(content)) {
    for (const item of content) keptWholeTables(item, found);
  } else if (isTable(content)) {
    if (content.table.dontBreakRows) found.push(content);
  } else if (typeof content === 'object' && content !== null && 'stack' in content) {
    keptWholeTables(content.stack, found);
  }
  return found;
}

/** A cell's text, when it is plain text; null for anything else (an image, a nested table, rich text). */
function cellText(cell: TableCell): string | null {
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'object' && cell !== null && 'text' in cell && typeof cell.text === 'string') return cell.text;
  return null;
}

interface Metrics {
  fontSize: number;
  lineHeight: number;
}

function metricsOf(cell: TableCell, doc: TDocumentDefinitions): Metrics {
  const styles = doc.styles ?? {};
  const own: Style = typeof cell === 'object' && cell !== null && !Array.isArray(cell) ? (cell as Style) : {};
  const named =
    typeof cell === 'object' && cell !== null && 'style' in cell && typeof cell.style === 'string' ? styles[cell.style] : undefined;
  const base = doc.defaultStyle ?? {};
  return {
    fontSize: own.fontSize ?? named?.fontSize ?? base.fontSize ?? 12,
    lineHeight: own.lineHeight ?? named?.lineHeight ?? base.lineHeight ?? 1,
  };
}

/**
 * Each column's content width as pdfmake works it out, or at least as wide: a fixed width as given,
 * 'auto' for a column sized by its content (its text then wraps only between words), and '*' shares
 * what is left once every 'auto' column has taken the most it could (so never less than this).
 */
function columnWidths(
  table: ContentTable,
  doc: TDocumentDefinitions,
  textWidth: number,
  padding: number,
  rule: number,
): (number | 'auto')[] | null {
  const widths = table.table.widths;
  const body = table.table.body;
  const columns = body[0]?.length ?? 0;
  const spec = Array.isArray(widths) ? widths : Array.from({ length: columns }, () => widths ?? '*');
  if (spec.some((width) => typeof width === 'string' && width !== '*' && width !== 'auto')) return null;
  const autoMost = (column: number): number =>
    Math.max(
      0,
      ...body.map((row) => {
        const cell = row[column];
        const text = cell === undefined ? '' : (cellText(cell) ?? null);
        if (text === null) return textWidth;
        const longestLine = Math.max(0, ...text.split('\n').map((line) => line.length));
        return cell === undefined ? 0 : longestLine * WIDEST_GLYPH_EM * metricsOf(cell, doc).fontSize;
      }),
    );
  const taken = spec.reduce<number>(
    (sum, width, column) => sum + (typeof width === 'number' ? width : width === 'auto' ? Math.min(autoMost(column), textWidth) : 0),
    0,
  );
  const stars = spec.filter((width) => width === '*').length;
  const free = textWidth - taken - spec.length * padding - (spec.length + 1) * rule;
  return spec.map((width) => (typeof width === 'number' ? width : width === 'auto' ? 'auto' : Math.max(free, 0) / Math.max(stars, 1)));
}

/** A canvas cell's height, from its shapes; null for any other cell. */
function canvasHeight(cell: TableCell): number | null {
  if (typeof cell !== 'object' || cell === null || !('canvas' in cell) || !Array.isArray(cell.canvas)) return null;
  let bottom = 0;
  for (const shape of cell.canvas) {
    const line = 'lineWidth' in shape && typeof shape.lineWidth === 'number' ? shape.lineWidth : 1;
    switch (shape.type) {
      case 'rect':
        bottom = Math.max(bottom, shape.y + shape.h + line);
        break;
      case 'line':
        bottom = Math.max(bottom, shape.y1 + line, shape.y2 + line);
        break;
      case 'ellipse':
        bottom = Math.max(bottom, shape.y + (shape.r2 ?? shape.r1) + line);
        break;
      case 'polyline':
        bottom = Math.max(bottom, ...shape.points.map((point) => point.y + line));
        break;
    }
  }
  return bottom;
}

/** A height no row of this text (and these drawings) can exceed, or null when it cannot be bounded without laying it out. */
function heightBound(
  row: readonly TableCell[],
  widths: readonly (number | 'auto')[],
  doc: TDocumentDefinitions,
  paddingY: number,
): number | null {
  let tallest = 0;
  for (const [index, cell] of row.entries()) {
    const width = widths[index];
    const [above, below] = verticalMargins(cell);
    const drawn = canvasHeight(cell);
    if (drawn !== null) {
      tallest = Math.max(tallest, drawn + above + below);
      continue;
    }
    const text = cellText(cell);
    if (text === null || width === undefined || !MEASURABLE.test(text)) return null;
    const { fontSize, lineHeight } = metricsOf(cell, doc);
    const widest = WIDEST_GLYPH_EM * fontSize;
    let lines = 0;
    for (const paragraph of text.split('\n')) {
      const words = paragraph.split(/\s+/u).filter(Boolean);
      if (width === 'auto') {
        // As wide as its widest word at least, so it breaks only between words.
        lines += Math.max(words.length, 1);
        continue;
      }
      const longestWord = Math.max(0, ...words.map((word) => word.length)) * widest;
      const perLine = Math.max(width - Math.min(longestWord, 0.75 * width), 0.25 * width);
      lines += Math.ceil((paragraph.length * widest) / perLine) + 1;
    }
    tallest = Math.max(tallest, lines * fontSize * FONT_LINE_EM * lineHeight + above + below);
  }
  return tallest + paddingY;
}

/** The same cell with other text (keeping its style), or an empty cell of the same style. */
function withText(cell: TableCell, text: string): TableCell {
  if (typeof cell === 'object' && cell !== null && !Array.isArray(cell)) return { ...cell, text } as TableCell;
  return text;
}

/** Where to cut `text` near `target`: after a sentence or line if one ends in the second half before it, else at a space. */
function cutNear(text: string, target: number): number {
  const sentenceEnds = [...text.slice(0, target + 1).matchAll(/[.!?:;]\s|\n/g)].map((match) => match.index + 1);
  const sentence = sentenceEnds.filter((end) => end >= target / 2).at(-1);
  if (sentence !== undefined) return sentence;
  let cut = text.lastIndexOf(' ', target);
  if (cut < target / 2) cut = text.indexOf(' ', target);
  return cut <= 0 ? Math.min(target, text.length) : cut;
}

/** `text` divided at sentence ends or spaces (or anywhere, in a run with none) into `parts` pieces of about equal length. */
function divide(text: string, parts: number): string[] {
  if (parts <= 1) return [text];
  const pieces: string[] = [];
  let rest = text;
  for (let left = parts; left > 1; left -= 1) {
    const cut = cutNear(rest, Math.ceil(rest.length / left));
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  pieces.push(rest);
  return pieces;
}

/** A row split into `parts` rows: each cell's text divided, the later rows' first cell saying they continue the one above. */
function splitRow(row: readonly TableCell[], parts: number): TableCell[][] {
  const texts = row.map((cell) => cellText(cell) ?? '');
  const longest = Math.max(...texts.map((text) => text.length));
  const divided = texts.map((text) => (text.length > longest / parts ? divide(text, parts) : [text]));
  return Array.from({ length: parts }, (_, part) =>
    row.map((cell, index) => {
      const pieces = divided[index] ?? [];
      const piece = pieces[part] ?? '';
      if (part > 0 && index === 0 && piece === '') return withText(cell, CONTINUED);
      return withText(cell, piece);
    }),
  );
}

/** The top and bottom margin of a cell (a cell's own `margin`), which pdfmake adds to its height. */
function verticalMargins(cell: TableCell): [number, number] {
  const margin = typeof cell === 'object' && cell !== null && 'margin' in cell ? cell.margin : undefined;
  if (typeof margin === 'number') return [margin, margin];
  if (Array.isArray(margin) && margin.length === 2) return [margin[1], margin[1]];
  if (Array.isArray(margin) && margin.length === 4) return [margin[1], margin[3]];
  return [0, 0];
}

/** Measures rows with pdfmake: the height of each (border to border), from a probe of the table's width and styles. */
async function measureRows(
  doc: TDocumentDefinitions,
  table: ContentTable,
  rows: readonly (readonly TableCell[])[],
  place: Geometry,
  probe: ProbeLayout,
): Promise<number[]> {
  // Each row's start is read from one of its cells with text (pdfmake reports no position for an
  // empty one), less that cell's own top margin.
  const offsets: number[] = [];
  const tagged = rows.map((row, index) => {
    // Copies, whole: pdfmake changes what it lays out (a drawing's shapes are moved into place).
    const copies = row.map((cell): TableCell =>
      typeof cell === 'object' && cell !== null ? structuredClone(cell) : { text: cellText(cell) ?? '' },
    );
    let at = copies.findIndex((cell) => (cellText(cell) ?? '').trim() !== '');
    if (at < 0) {
      at = 0;
      copies[0] = withText(copies[0] ?? '', '\u00a0');
    }
    const chosen = copies[at];
    offsets.push(chosen === undefined ? 0 : verticalMargins(chosen)[0]);
    copies[at] = { ...(chosen as object), id: `row-${index}` } as TableCell;
    return copies;
  });
  const positions = await probe({
    pageSize: { width: place.pageWidth, height: PROBE_PAGE_HEIGHT },
    pageMargins: [place.sideMargins[0], 0, place.sideMargins[1], 0],
    styles: doc.styles,
    defaultStyle: doc.defaultStyle,
    content: [
      { table: { widths: table.table.widths, body: tagged }, layout: table.layout },
      { text: 'end', id: 'row-end' },
    ],
  });
  const at = (id: string, offset: number): number => {
    const found = positions.get(id);
    if (!found) throw new Error(`The table probe lost ${id}.`);
    return (found.pageNumber - 1) * PROBE_PAGE_HEIGHT + found.top - offset;
  };
  return rows.map(
    (_, index) =>
      (index + 1 < rows.length ? at(`row-${index + 1}`, offsets[index + 1] ?? 0) : at('row-end', 0)) -
      at(`row-${index}`, offsets[index] ?? 0),
  );
}

/**
 * Makes every `dontBreakRows` table in `doc` safe to keep its rows whole: a row that would not fit on
 * a page of its own is split into rows that do. Changes `doc`'s tables in place; a table that cannot
 * be measured (a layout other than A4 portrait, a row with no text) or whose too-tall row holds a
 * drawing is left breaking its rows, so nothing in it can be dropped.
 */
export async function keepTableRowsWhole(doc: TDocumentDefinitions, probe: ProbeLayout): Promise<void> {
  const place = geometry(doc);
  for (const table of keptWholeTables(doc.content)) {
    const layout = typeof table.layout === 'object' && table.layout !== null ? table.layout : undefined;
    // pdfmake's defaults where the layout sets none (its own 'noBorders'-style names are measured as given).
    const paddingX = (layout?.paddingLeft?.(0, table) ?? 4) + (layout?.paddingRight?.(0, table) ?? 4);
    const paddingY = (layout?.paddingTop?.(0, table) ?? 2) + (layout?.paddingBottom?.(0, table) ?? 2);
    const rule = layout?.vLineWidth?.(0, table) ?? 1;
    const widths = place ? columnWidths(table, doc, place.textWidth, paddingX, rule) : null;
    const body = table.table.body;
    const headerRows = table.table.headerRows ?? 0;
    // Unmeasurable (not A4, or a row with nothing to read its place by): rows may break, so none is dropped.
    if (!place || body.some((row) => !row.some((cell) => cellText(cell) !== null))) {
      table.table.dontBreakRows = false;
      continue;
    }
    const bounds = body.map((row) => (widths ? heightBound(row, widths, doc, paddingY + 2 * rule) : null));
    const header = bounds.slice(0, headerRows).reduce<number>((sum, bound) => sum + (bound ?? Number.POSITIVE_INFINITY), 0);
    const room = (headerHeight: number) => place.pageInnerHeight - headerHeight - SAFETY;
    const uncertain = body.map(
      (_, index) => index >= headerRows && ((bounds[index] ?? Infinity) > room(header) || !Number.isFinite(header)),
    );
    if (!uncertain.some(Boolean)) continue;

    // Measure the header and the uncertain rows in one layout.
    const indexes = [
      ...Array.from({ length: headerRows }, (_, index) => index),
      ...body.flatMap((_, index) => (uncertain[index] ? [index] : [])),
    ];
    const heights = await measureRows(
      doc,
      table,
      indexes.map((index) => body[index] ?? []),
      place,
      probe,
    );
    const headerHeight = heights.slice(0, headerRows).reduce((sum, height) => sum + height, 0);
    const tooTall = new Map<number, number>();
    indexes.slice(headerRows).forEach((index, at) => {
      const height = heights[headerRows + at] ?? 0;
      if (height > room(headerHeight)) tooTall.set(index, height);
    });
    if (tooTall.size === 0) continue;

    // A row of drawings and text that cannot fit on a page cannot be divided: let the table's rows break.
    if ([...tooTall.keys()].some((index) => (body[index] ?? []).some((cell) => cellText(cell) === null))) {
      table.table.dontBreakRows = false;
      continue;
    }
    // Split each row that cannot fit on a page into parts, checked again until every part fits.
    const replacements = new Map<number, TableCell[][]>();
    for (const [index, height] of tooTall) {
      const row = body[index] ?? [];
      let parts = Math.ceil(height / (0.85 * room(headerHeight)));
      for (let attempt = 0; ; attempt += 1) {
        const split = splitRow(row, parts);
        const partHeights = await measureRows(doc, table, split, place, probe);
        if (partHeights.every((partHeight) => partHeight <= room(headerHeight))) {
          replacements.set(index, split);
          break;
        }
        if (attempt >= 6) throw new Error('A table row could not be divided to fit on a page.');
        parts = Math.ceil(parts * 1.5) + 1;
      }
    }
    table.table.body = body.flatMap((row, index) => replacements.get(index) ?? [row]);
  }
}
