import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// PDFs are checked by what a person would read in them: poppler-utils' pdftotext and pdfinfo, run on
// the bytes written to a temp file.

const run = promisify(execFile);

async function writeTemp(bytes: Buffer): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'escalation-log-pdf-')), 'doc.pdf');
  await writeFile(path, bytes);
  return path;
}

/** The text laid out as on the page (`pdftotext -layout`); pages are separated by form feeds. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', await writeTemp(bytes), '-'], { encoding: 'utf8' });
  return stdout;
}

/** Each page's text, in order. */
export async function pdfPages(bytes: Buffer): Promise<string[]> {
  const pages = (await pdfText(bytes)).split('\f');
  // pdftotext ends the last page with a form feed too.
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** pdfinfo's fields (Title, Author, Pages, Page size…) by name. */
export async function pdfInfo(bytes: Buffer): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', [await writeTemp(bytes)], { encoding: 'utf8' });
  const fields: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) fields[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return fields;
}
