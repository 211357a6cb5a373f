import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdf } from '../electron/core/documents/pdf';
import { recoverySheet } from '../electron/core/documents/recovery-sheet';
import { dataTable, detailsTable, heading, paragraph, withPageLayout } from '../electron/core/documents/layout';

// PDF rendering as the core worker does it: the recovery sheet (one page) and a long chronology
// (about 40 pages of a bordered table whose header repeats). Median time per render, the first
// (cold: fonts read and parsed) render, and the peak RSS growth while rendering. Printed, never
// asserted. Each document is measured in a child process of its own, because peak RSS is a
// high-water mark for the whole process and earlier benchmarks would otherwise hide it.

const FONTS_DIR = fileURLToPath(new URL('../resources/fonts', import.meta.url));
const THIS_FILE = fileURLToPath(import.meta.url);
const CHILD_FLAG = '--bench-documents-child';

type Scenario = 'recovery-sheet' | 'chronology';
const RUNS: Record<Scenario, number> = { 'recovery-sheet': 20, chronology: 5 };

interface Measurement {
  scenario: Scenario;
  runs: number;
  medianMs: number;
  firstMs: number;
  peakRssDeltaMiB: number;
  bytes: number;
  pages: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** A deterministic pseudo-random sequence, so every run renders the same words. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const PHRASES = [
  'Strategy discussion held with the social worker and team manager.',
  'Home visits have lapsed for three weeks; the child was not seen at school on Monday.',
  'The core group agreed the plan but not the timescale for the assessment.',
  'Written concern sent; no reply received by the date asked for.',
  'Escalated to the service manager under the procedure, with the reasons recorded.',
  'Agreed outcome: visits restart this week and the plan is reviewed at the next core group.',
];

/** A child's chronology stand-in: about 40 A4 pages with the shared layout and helpers. */
export function chronology(): TDocumentDefinitions {
  const random = sequence(7);
  const rows = Array.from({ length: 400 }, (_, i) => {
    const day = (i % 28) + 1;
    const words = Array.from({ length: 1 + Math.floor(random() * 3) }, () => PHRASES[Math.floor(random() * PHRASES.length)] ?? '').join(
      ' ',
    );
    return [
      `${String(day).padStart(2, '0')}/${String((Math.floor(i / 28) % 12) + 1).padStart(2, '0')}/2026 09:${String(i % 60).padStart(2, '0')}`,
      `Stage ${(i % 4) + 1}`,
      `Meeting: Priya Raman (DSL); Grace Adeyemi (Social worker, Children’s Social Care)`,
      words,
    ];
  });
  return withPageLayout(
    {
      settingName: 'Northway Primary and Nursery School',
      title: 'Escalation chronology',
      generatedBy: { name: 'Priya Raman', role: 'Designated Safeguarding Lead' },
      generatedAt: '2026-11-23T09:00:00.000Z',
    },
    [
      detailsTable([
        ['Child', 'Zoë Adéṣọlá Nguyễn-Łukasz'],
        ['Date of birth', '02/03/2015'],
        ['Class or year', 'Year 6'],
      ]),
      heading('Discussions and decisions'),
      paragraph('Every recorded contact, in order, with the stage it belongs to and the decision reached.'),
      dataTable(['When', 'Stage', 'How and with whom', 'Decision and rationale'], rows, [70, 48, 150, '*']),
    ],
  );
}

function sheet(): TDocumentDefinitions {
  return recoverySheet({
    settingName: 'Northway Primary and Nursery School',
    dslName: 'Priya Raman',
    recoveryKey: '7ZQ3-M8KD-2R4V-X9TB-H6PN-C1WS-Y5GJ-E0AF-3KQM-8VRD-T2XH-N6BP-W4C9',
    createdAt: '2026-11-23T09:00:00.000Z',
    fileId: '7b0c1e52-3f0e-4c36-9d1e-1d9a3c2b8f10',
  });
}

/** Pages in a PDFKit file: its page objects are written uncompressed. */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}

async function measure(scenario: Scenario): Promise<Measurement> {
  const build = scenario === 'chronology' ? chronology : sheet;
  const rssBefore = process.memoryUsage().rss;
  const times: number[] = [];
  let last: Buffer = Buffer.alloc(0);
  for (let i = 0; i < RUNS[scenario]; i += 1) {
    // pdfmake changes the definition it is given, so each render gets a fresh one (as the app does).
    const definition = build();
    const start = performance.now();
    last = await renderPdf(definition, { fontsDir: FONTS_DIR });
    times.push(performance.now() - start);
  }
  const peakRss = process.resourceUsage().maxRSS * 1024;
  return {
    scenario,
    runs: times.length,
    medianMs: median(times),
    firstMs: times[0] ?? Number.NaN,
    peakRssDeltaMiB: Math.max(0, peakRss - rssBefore) / 1048576,
    bytes: last.length,
    pages: pageCount(last),
  };
}

async function inChild(scenario: Scenario): Promise<Measurement> {
  const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, THIS_FILE, CHILD_FLAG, scenario], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  return readMeasurement(JSON.parse(stdout.trim().split('\n').at(-1) ?? 'null'), scenario);
}

/** The child's JSON line, checked field by field. */
function readMeasurement(value: unknown, scenario: Scenario): Measurement {
  if (typeof value !== 'object' || value === null) throw new Error(`The ${scenario} benchmark printed no result.`);
  const fields = new Map(Object.entries(value));
  const number = (key: string): number => {
    const field = fields.get(key);
    if (typeof field !== 'number') throw new Error(`The ${scenario} benchmark printed no ${key}.`);
    return field;
  };
  return {
    scenario,
    runs: number('runs'),
    medianMs: number('medianMs'),
    firstMs: number('firstMs'),
    peakRssDeltaMiB: number('peakRssDeltaMiB'),
    bytes: number('bytes'),
    pages: number('pages'),
  };
}

export async function benchDocuments(): Promise<void> {
  console.log('Documents (pdfmake, A4, DejaVu Sans)');
  for (const scenario of ['recovery-sheet', 'chronology'] as const) {
    const result = await inChild(scenario);
    console.log(
      `  ${scenario === 'chronology' ? `chronology, ${result.pages} pages` : 'recovery sheet, 1 page'}: median of ${result.runs} ${result.medianMs.toFixed(1)} ms` +
        ` (first ${result.firstMs.toFixed(0)} ms), peak RSS +${result.peakRssDeltaMiB.toFixed(1)} MiB, ${(result.bytes / 1024).toFixed(0)} KiB`,
    );
  }
}

// Run as a child of benchDocuments: measure one scenario and print it as one JSON line.
if (process.argv[2] === CHILD_FLAG && resolve(process.argv[1] ?? '') === THIS_FILE) {
  const scenario = process.argv[3] === 'chronology' ? 'chronology' : 'recovery-sheet';
  console.log(JSON.stringify(await measure(scenario)));
}
