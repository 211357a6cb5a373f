import type { Random } from './random';

// A stored document's bytes for the seed: a small, valid one-page PDF saying what it stands for,
// padded with an unreferenced stream to the size of the app's real documents (pdfmake embeds font
// subsets: an outcome statement is tens of kilobytes), so the file's size and the pages SQLite reads
// are what ten years of real documents would make. Rendering 10,000 real PDFs would take hours.

function ascii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[\\()]/g, (char) => `\\${char}`);
}

export function standInPdf(lines: readonly string[], bytes: number, random: Random): Buffer {
  const text = lines.map((line, index) => `BT /F1 11 Tf 56 ${780 - index * 18} Td (${ascii(line)}) Tj ET`).join('\n');
  const padding = Buffer.alloc(Math.max(0, bytes - 900));
  // Pseudo-random bytes (as compressed font data is): four at a time from the seeded sequence.
  for (let at = 0; at + 4 <= padding.length; at += 4) padding.writeUInt32LE(Math.floor(random.next() * 4_294_967_296), at);
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> >> >>'),
    Buffer.from(`<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`),
    Buffer.concat([Buffer.from(`<< /Length ${padding.length} >>\nstream\n`), padding, Buffer.from('\nendstream')]),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(object);
    length += object.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`),
  ];
  parts.push(Buffer.from(`${xref.join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}
