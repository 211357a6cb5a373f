import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../electron/core/documents/pdf';
import { dataTable, heading, paragraph, signatureGrid, withPageLayout } from '../../../electron/core/documents/layout';
import { keepTableRowsWhole } from '../../../electron/core/documents/table-rows';
import type { ContentTable } from 'pdfmake/interfaces';
import { FONTS_DIR } from '../../../scripts/fixtures/core';
import { pdfPages } from './pdf-text';

// Issue 11, item 17: a table row that fits on the next page moves there whole instead of being split
// across the page break; a row taller than a page still runs across pages, with nothing dropped.
// Read back page by page with pdfjs.

const meta = {
  settingName: 'Northway Primary and Nursery School',
  title: 'Escalation chronology',
  generatedBy: { name: 'Priya Raman', role: 'Designated Safeguarding Lead' },
  generatedAt: '2026-01-15T16:45:00.000Z',
};

/** A cell of `lines` numbered sentences, each naming its row, so a page's text says which parts of which rows it holds. */
function sentences(row: string, count: number): string {
  return Array.from({ length: count }, (_, i) => `${row} sentence ${i + 1} of ${count} about the plan and what was agreed.`).join(' ');
}

/** The page (from 1) each of `marks` is printed on; every mark must be printed exactly once. */
function pagesOf(pages: string[], marks: string[]): number[] {
  return marks.map((mark) => {
    const on = pages.flatMap((page, index) => (page.replace(/\s+/g, ' ').includes(mark) ? [index + 1] : []));
    expect(on, `${mark} is printed once`).toHaveLength(1);
    return on[0] ?? 0;
  });
}

async function render(rows: string[][]) {
  const pdf = await renderPdf(withPageLayout(meta, [heading('Chronology'), dataTable(['When', 'What'], rows, [80, '*'])]), {
    fontsDir: FONTS_DIR,
  });
  return pdfPages(pdf);
}

describe('table rows across a page break', () => {
  it('moves a row that would be split at the foot of a page to the next page, whole', async () => {
    // Short rows fill most of page 1; then a row of 25 sentences (about a third of a page) that
    // would otherwise start at the foot of page 1 and run onto page 2.
    const rows = Array.from({ length: 40 }, (_, i) => [`Row ${i + 1}`, sentences(`Short ${i + 1}`, 1)]);
    // Find a place where, without keeping rows whole, the long row would straddle the break: try a
    // few positions and require that at each the long row is on one page, after the row before it.
    for (const at of [24, 27, 30, 33]) {
      const long = sentences('Long', 25);
      const table = [...rows.slice(0, at), ['Long row', long], ...rows.slice(at)];
      const pages = await render(table);
      const marks = Array.from({ length: 25 }, (_, i) => `Long sentence ${i + 1} of 25`);
      const on = pagesOf(pages, marks);
      expect(new Set(on).size, `the long row after row ${at} is on one page`).toBe(1);
      const [before] = pagesOf(pages, [`Short ${at} sentence 1 of 1`]);
      const [after] = pagesOf(pages, [`Short ${at + 1} sentence 1 of 1`]);
      expect(on[0]).toBeGreaterThanOrEqual(before ?? 0);
      expect(after).toBeGreaterThanOrEqual(on[0] ?? 0);
    }
  }, 60_000);

  it('still runs a row taller than a page across pages, every word printed, the later part marked as continued', async () => {
    const tall = sentences('Tall', 160);
    const pages = await render([
      ['Before', 'short'],
      ['Tall row', tall],
      ['After', 'short'],
    ]);
    const on = pagesOf(
      pages,
      Array.from({ length: 160 }, (_, i) => `Tall sentence ${i + 1} of 160`),
    );
    expect(Math.max(...on) - Math.min(...on)).toBeGreaterThanOrEqual(1);
    expect(on).toEqual([...on].sort((a, b) => a - b));
    expect(pages.join('\n')).toContain('(continued)');
    // The header row repeats on every page the table runs onto.
    for (const page of pages.slice(Math.min(...on) - 1, Math.max(...on))) expect(page).toMatch(/When\s+What/);
  }, 60_000);

  it('never drops or splits rows of any length that fit on a page (many rows, lengths from one line to most of a page)', async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const counts = Array.from({ length: 60 }, () => 1 + Math.floor(random() * random() * 45));
    const rows = counts.map((count, i) => [`Entry ${i + 1}`, sentences(`R${i + 1}`, count)]);
    const pages = await render(rows);
    counts.forEach((count, i) => {
      const on = pagesOf(pages, [`R${i + 1} sentence 1 of ${count}`, `R${i + 1} sentence ${count} of ${count}`]);
      expect(on[0], `row ${i + 1} (${count} sentences) is on one page`).toBe(on[1]);
    });
  }, 120_000);

  it('keeps a paragraph before the table as it was', async () => {
    const pdf = await renderPdf(withPageLayout(meta, [paragraph('Opening words.'), dataTable(['A'], [['x']])]), { fontsDir: FONTS_DIR });
    expect((await pdfPages(pdf))[0]).toContain('Opening words.');
  });
});

describe('which tables are measured before rendering', () => {
  /** Runs the check with a probe that only counts: tables whose rows are surely short need none. */
  async function probesFor(content: ContentTable) {
    let probes = 0;
    await keepTableRowsWhole(withPageLayout(meta, [content]), async (probe) => {
      probes += 1;
      // Every row 20 points tall, as if laid out.
      const [first] = Array.isArray(probe.content) ? probe.content : [];
      const rows = first && typeof first === 'object' && 'table' in first ? (first.table?.body.length ?? 0) : 0;
      return new Map([
        ...Array.from({ length: rows }, (_, index) => [`row-${index}`, { pageNumber: 1, top: index * 20 }] as const),
        ['row-end', { pageNumber: 1, top: rows * 20 }] as const,
      ]);
    });
    return probes;
  }

  it('needs no layout for short rows, a signing grid (a column sized by its content), or a chart’s drawn bars', async () => {
    const table = dataTable(['When', 'What'], [['Row 1', 'A short line.']], [80, '*']);
    expect(await probesFor(table)).toBe(0);
    expect(table.table.dontBreakRows).toBe(true);
    const grid = signatureGrid(['Stored by', 'Witnessed by']) as ContentTable;
    expect(await probesFor(grid)).toBe(0);
    expect(grid.table.dontBreakRows).toBe(true);
    const chart: ContentTable = {
      table: {
        widths: [120, 200, '*'],
        dontBreakRows: true,
        body: [[{ text: 'Liverpool Careline' }, { canvas: [{ type: 'rect', x: 0, y: 2, w: 80, h: 10 }] }, { text: '3 escalations' }]],
      },
    };
    expect(await probesFor(chart)).toBe(0);
    expect(chart.table.dontBreakRows).toBe(true);
  });

  it('measures a row that might not fit on a page', async () => {
    expect(await probesFor(dataTable(['When', 'What'], [['Long', sentences('Long', 60)]], [80, '*']))).toBe(1);
  });
});
