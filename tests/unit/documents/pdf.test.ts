import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DocumentRenderError, localAccessAllowed, renderPdf, type DocumentRenderFailure } from '../../../electron/core/documents/pdf';
import { fontsDirFor } from '../../../electron/core/documents/fonts';
import { withPageLayout } from '../../../electron/core/documents/layout';
import { FONTS_DIR } from '../../../scripts/fixtures/core';
import { pdfText } from './pdf-text';

// renderPdf reaches nothing outside the document but its own fonts: no URL is ever fetched, and no
// local file outside the fonts folder is read, however it is named (absolute, `..`, a symlink).
// Every refusal is a DocumentRenderError with a reason, and comes at once, not after a timeout.

/** A 1×1 PNG: a real image, so a refusal is about where it is, not what it is. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const meta = {
  settingName: 'Northway Primary and Nursery School',
  title: 'Test',
  generatedBy: { name: 'Priya Raman', role: 'Designated Safeguarding Lead' },
  generatedAt: '2026-11-23T09:00:00.000Z',
};

const doc = (...content: Content[]): TDocumentDefinitions => withPageLayout(meta, content);

async function refusal(definition: TDocumentDefinitions, fontsDir = FONTS_DIR): Promise<DocumentRenderError> {
  const started = performance.now();
  const error: unknown = await renderPdf(definition, { fontsDir }).then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(performance.now() - started, 'refused at once').toBeLessThan(2000);
  if (!(error instanceof DocumentRenderError)) throw new Error(`expected a DocumentRenderError, got ${String(error)}`);
  return error;
}

async function expectRefused(definition: TDocumentDefinitions, reason: DocumentRenderFailure, message: RegExp, fontsDir = FONTS_DIR) {
  const error = await refusal(definition, fontsDir);
  expect(error.reason).toBe(reason);
  expect(error.message).toMatch(message);
}

// A server on loopback that counts requests: a URL in a document must never reach it.
let server: Server;
let requests = 0;
let base = '';
beforeAll(async () => {
  server = createServer((_request, response) => {
    requests += 1;
    response.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The test server has no port.');
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// A copy of the fonts folder with a few neighbours, to try every way out of it.
const scratch = mkdtempSync(join(tmpdir(), 'escalation-log-fonts-'));
const fontsCopy = join(scratch, 'fonts');
mkdirSync(fontsCopy);
for (const name of readdirSync(FONTS_DIR)) copyFileSync(join(FONTS_DIR, name), join(fontsCopy, name));
writeFileSync(join(scratch, 'outside.png'), PNG);
writeFileSync(join(fontsCopy, 'inside.png'), PNG);
symlinkSync(join(scratch, 'outside.png'), join(fontsCopy, 'link-out.png'));

describe('renderPdf never fetches a URL', () => {
  it('refuses an image given by URL, in the content, in the images dictionary or as { url }', async () => {
    await expectRefused(doc({ image: `${base}/logo.png`, width: 10 }), 'refused-url', /web address/);
    await expectRefused({ ...doc({ image: 'logo', width: 10 }), images: { logo: `${base}/logo.png` } }, 'refused-url', /web address/);
    await expectRefused(
      { ...doc({ image: 'logo', width: 10 }), images: { logo: { url: `${base}/logo.png` } } },
      'refused-url',
      /web address/,
    );
    expect(requests).toBe(0);
  });

  it('refuses an SVG that points at a URL or a file (PDFKit would open it past pdfmake’s policies)', async () => {
    const svg = (href: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="${href}" width="10" height="10"/></svg>`;
    await expectRefused(doc({ svg: svg(`${base}/logo.png`) }), 'refused-url', /web address/);
    await expectRefused(doc({ svg: svg(join(scratch, 'outside.png')) }), 'refused-file', /outside the fonts folder/);
    expect(requests).toBe(0);
    // An SVG drawn from shapes alone is fine.
    const drawn = await renderPdf(
      doc({ svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>' }),
      {
        fontsDir: FONTS_DIR,
      },
    );
    expect(drawn.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('renderPdf reads no local file outside the fonts folder', () => {
  it('refuses /etc/passwd as an image, in the content and in the images dictionary', async () => {
    await expectRefused(doc({ image: '/etc/passwd', width: 10 }), 'refused-file', /outside the fonts folder \(\/etc\/passwd\)/);
    await expectRefused({ ...doc({ image: 'x', width: 10 }), images: { x: '/etc/passwd' } }, 'refused-file', /outside the fonts folder/);
  });

  it('refuses a way out by `..` or by a symlink, and allows a file that really is inside', async () => {
    await expectRefused(
      doc({ image: join(fontsCopy, '..', 'outside.png'), width: 10 }),
      'refused-file',
      /outside the fonts folder/,
      fontsCopy,
    );
    await expectRefused(doc({ image: join(fontsCopy, 'link-out.png'), width: 10 }), 'refused-file', /outside the fonts folder/, fontsCopy);
    const inside = await renderPdf(doc({ image: join(fontsCopy, 'inside.png'), width: 10 }), { fontsDir: fontsCopy });
    expect(inside.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a header or footer that returns an image from outside', async () => {
    await expectRefused(
      { ...doc('Body'), header: () => ({ image: '/etc/passwd', width: 10 }) },
      'refused-file',
      /outside the fonts folder/,
    );
    await expectRefused({ ...doc('Body'), footer: () => ({ image: `${base}/logo.png`, width: 10 }) }, 'refused-url', /web address/);
    expect(requests).toBe(0);
  });

  it('refuses to embed a file', async () => {
    await expectRefused(doc({ attachment: { src: '/etc/passwd' } }), 'refused-file', /embed/);
    await expectRefused({ ...doc('Body'), files: { secrets: { src: '/etc/passwd' } } }, 'refused-file', /embed/);
  });

  it('keeps pdfmake’s own policies in place as a second layer', async () => {
    await renderPdf(doc('Body'), { fontsDir: FONTS_DIR });
    // Straight to pdfmake, past the first layer: its policy refuses too.
    await expect(pdfmake.createPdf({ content: [{ image: '/etc/passwd', width: 10 }] }).getBuffer()).rejects.toThrow(
      /Access to local file denied/,
    );
    await expect(
      pdfmake.createPdf({ content: [{ image: 'logo', width: 10 }], images: { logo: `${base}/logo.png` } }).getBuffer(),
    ).rejects.toThrow(/Access to URL denied/);
    expect(requests).toBe(0);
  });

  it('decides by real path', () => {
    const folder = fontsCopy;
    expect(localAccessAllowed(folder, join(folder, 'DejaVuSans.ttf'))).toBe(true);
    expect(localAccessAllowed(folder, join(folder, '..', 'fonts', 'DejaVuSans.ttf'))).toBe(true);
    expect(localAccessAllowed(folder, join(folder, '..', 'outside.png'))).toBe(false);
    expect(localAccessAllowed(folder, join(folder, 'link-out.png'))).toBe(false);
    expect(localAccessAllowed(folder, folder)).toBe(false);
    expect(localAccessAllowed(folder, `${folder}-evil/DejaVuSans.ttf`)).toBe(false);
    expect(localAccessAllowed(folder, join(folder, 'missing.ttf'))).toBe(false);
  });
});

describe('renderPdf and its fonts', () => {
  it('says clearly when the fonts folder or a font is missing', async () => {
    await expectRefused(doc('Body'), 'fonts-missing', /fonts folder is missing/, join(scratch, 'nowhere'));
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    await expectRefused(doc('Body'), 'fonts-missing', /DejaVuSans\.ttf/, empty);
  });

  it('makes the same bytes from the same definition', async () => {
    const first = await renderPdf(doc('Same words', { text: 'bold', bold: true }, { text: 'italic', italics: true }), {
      fontsDir: FONTS_DIR,
    });
    const second = await renderPdf(doc('Same words', { text: 'bold', bold: true }, { text: 'italic', italics: true }), {
      fontsDir: FONTS_DIR,
    });
    expect(first.equals(second)).toBe(true);
    expect(await pdfText(first)).toContain('Same words');
  });

  it('finds the fonts in the repository in development and beside the app when packaged', () => {
    expect(fontsDirFor({ packaged: false, resourcesPath: '/opt/app/resources', appRoot: '/work/app' })).toBe(
      join('/work/app', 'resources', 'fonts'),
    );
    expect(fontsDirFor({ packaged: true, resourcesPath: '/opt/app/resources', appRoot: '/opt/app/resources/app.asar' })).toBe(
      join('/opt/app/resources', 'fonts'),
    );
  });
});
