import type { CanvasElement, Column, Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatUkDate, formatUkDateTime, plural } from '../../../shared/deadlines';
import { escalationStatusLabels } from '../../../shared/escalations/statuses';
import { withoutChildrenNames } from '../../../shared/termly-audit/anonymise';
import { recordsIntactWords } from '../../../shared/termly-audit/records-check-words';
import { comparisonRows, timescaleRows, workingDaysFigure } from '../../../shared/termly-audit/rows';
import type { CountRow, RecordRef, RecordsCheck, TermlyAudit, TimescaleCounts } from '../../../shared/termly-audit/types';
import { dataTable, detailsTable, heading, paragraph, withPageLayout } from './layout';

// The termly audit for the governing body: the figures, the charts, the timescales, the record-quality
// gaps and the learning points, as the Audit screen shows them. Charts are drawn as vectors (pdfmake
// canvas rectangles) with every number also written beside its bar, so nothing is told by colour
// alone and a black-and-white photocopy reads the same. With `leaveOutNames`, children appear only
// by their initials and record reference (shared/termly-audit/anonymise.ts).

export interface TermlyAuditDocumentInput {
  audit: TermlyAudit;
  /** The records check as of when the PDF was made (services/records-check.ts). */
  recordsCheck: RecordsCheck;
  leaveOutNames: boolean;
  author: { name: string; role: string };
  generatedAt: string;
}

export const TERMLY_AUDIT_TITLE = 'Termly audit of escalation records';

/** Series colours: distinct in lightness as well as hue, so they stay apart in greyscale. */
const COLOURS = {
  opened: '#1f3a5f',
  resolved: '#5b9bd5',
  closed: '#9e9e9e',
  single: '#1f3a5f',
  met: '#2e7d32',
  late: '#f0a830',
  overdue: '#b3261e',
};

const BAR_WIDTH = 190;
const LABEL_WIDTH = 140;

/** How a child and their record are named: 'Zephyrine Quillfeather (E-2026-11-02-ZQ)', or with names left out the reference alone (it carries the initials). */
type Who = (record: RecordRef) => string;

function legend(items: { colour: string; label: string }[]): Content {
  return {
    columns: items.flatMap((item): Column[] => [
      { canvas: [{ type: 'rect', x: 0, y: 2, w: 8, h: 8, color: item.colour }], width: 10 },
      { text: item.label, style: 'small', width: 'auto', margin: [2, 0, 12, 0] },
    ]),
    margin: [0, 0, 0, 4],
  };
}

/** One row of a horizontal bar chart: the label, the bars (one per series, or one stacked bar), and the numbers in words. */
function barRow(label: string, bars: CanvasElement[], height: number, words: string): TableCell[] {
  return [
    { text: label, style: 'tableCell' },
    { canvas: bars.length > 0 ? bars : [{ type: 'line', x1: 0, y1: 0, x2: 0, y2: height, lineWidth: 0.5, lineColor: '#9a9a9a' }] },
    { text: words, style: 'tableCell' },
  ];
}

function chartTable(rows: TableCell[][]): Content {
  return {
    table: { widths: [LABEL_WIDTH, BAR_WIDTH, '*'], body: rows, dontBreakRows: true },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (index: number) => (index === 1 ? 0.5 : 0),
      vLineColor: () => '#9a9a9a',
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    margin: [0, 0, 0, 6],
  };
}

function scale(max: number): (value: number) => number {
  return (value) => (max <= 0 ? 0 : (value / max) * (BAR_WIDTH - 10));
}

/** Grouped bars: one thin bar per series in each row. */
function groupedBars(rows: { label: string; values: number[]; words: string }[], colours: string[]): Content {
  const width = scale(Math.max(0, ...rows.flatMap((row) => row.values)));
  const barHeight = 5;
  return chartTable(
    rows.map((row) =>
      barRow(
        row.label,
        row.values.flatMap((value, index): CanvasElement[] =>
          value > 0
            ? [{ type: 'rect', x: 0, y: index * (barHeight + 1), w: width(value), h: barHeight, color: colours[index] ?? COLOURS.single }]
            : [],
        ),
        row.values.length * (barHeight + 1),
        row.words,
      ),
    ),
  );
}

/** One bar per row. */
function simpleBars(rows: CountRow[], unit: (count: number) => string): Content {
  const width = scale(Math.max(0, ...rows.map((row) => row.count)));
  return chartTable(
    rows.map((row) =>
      barRow(
        row.label,
        row.count > 0 ? [{ type: 'rect', x: 0, y: 0, w: width(row.count), h: 9, color: COLOURS.single }] : [],
        9,
        unit(row.count),
      ),
    ),
  );
}

/** Stacked bars: met on time, met late, overdue. */
function stackedBars(rows: (TimescaleCounts & { label: string })[]): Content {
  const total = (row: TimescaleCounts) => row.metOnTime + row.metLate + row.overdue;
  const width = scale(Math.max(0, ...rows.map(total)));
  return chartTable(
    rows.map((row) => {
      const parts: [number, string][] = [
        [row.metOnTime, COLOURS.met],
        [row.metLate, COLOURS.late],
        [row.overdue, COLOURS.overdue],
      ];
      let x = 0;
      const bars = parts.flatMap(([value, colour]): CanvasElement[] => {
        if (value <= 0) return [];
        const bar: CanvasElement = { type: 'rect', x, y: 0, w: width(value), h: 9, color: colour };
        x += width(value);
        return [bar];
      });
      return barRow(
        row.label,
        bars,
        9,
        total(row) === 0 ? 'None due' : `${row.metOnTime} on time, ${row.metLate} late, ${row.overdue} overdue`,
      );
    }),
  );
}

function countTable(title: string, column: string, rows: CountRow[], empty: string): Content[] {
  return [
    { text: title, style: 'subheading' },
    rows.length > 0
      ? dataTable(
          [column, 'Escalations'],
          rows.map((row) => [row.label, String(row.count)]),
          ['*', 70],
        )
      : paragraph(empty),
  ];
}

function summary(audit: TermlyAudit, who: Who): Content[] {
  const { counts, resolution } = audit;
  return [
    heading('Summary'),
    dataTable(
      ['Figure', 'Number'],
      [
        ['Escalations open at some time in the period', String(counts.inAudit)],
        ['Carried in from before the period', String(counts.carriedIn)],
        ['Opened in the period', String(counts.opened)],
        ['Resolved in the period', String(counts.resolved)],
        ['Closed without resolution in the period', String(counts.closedUnresolved)],
        ['Still open at the end of the period', String(counts.stillOpen)],
        ['Median time to resolution (working days)', workingDaysFigure(resolution.medianWorkingDays)],
        [
          'Longest time to resolution (working days)',
          resolution.longestWorkingDays === null || !resolution.longest
            ? '—'
            : `${resolution.longestWorkingDays} (${who(resolution.longest)})`,
        ],
        ['Deadlines due in the period met on time', String(audit.timescales.total.metOnTime)],
        ['Deadlines due in the period met late', String(audit.timescales.total.metLate)],
        ['Deadlines due in the period still overdue', String(audit.timescales.total.overdue)],
        ['Record-quality gaps', String(audit.gaps.length)],
      ],
      ['*', 150],
    ),
  ];
}

function charts(audit: TermlyAudit): Content[] {
  return [
    heading('Charts'),
    { text: 'Escalations opened and resolved, by month', style: 'subheading' },
    legend([
      { colour: COLOURS.opened, label: 'Opened' },
      { colour: COLOURS.resolved, label: 'Resolved' },
      { colour: COLOURS.closed, label: 'Closed without resolution' },
    ]),
    groupedBars(
      audit.byMonth.map((month) => ({
        label: month.label,
        values: [month.opened, month.resolved, month.closedUnresolved],
        words: `${month.opened} opened, ${month.resolved} resolved, ${month.closedUnresolved} closed`,
      })),
      [COLOURS.opened, COLOURS.resolved, COLOURS.closed],
    ),
    { text: 'Highest stage reached (by the end of the period)', style: 'subheading' },
    audit.byHighestStage.length > 0
      ? simpleBars(audit.byHighestStage, (count) => plural(count, 'escalation'))
      : paragraph('No escalations.'),
    { text: 'Time to resolution (escalations resolved in the period)', style: 'subheading' },
    audit.resolution.resolvedCount > 0
      ? simpleBars(audit.resolution.buckets, (count) => plural(count, 'escalation'))
      : paragraph('No escalation was resolved in the period.'),
    { text: 'Timescales: met on time, met late, still overdue', style: 'subheading' },
    legend([
      { colour: COLOURS.met, label: 'Met on time' },
      { colour: COLOURS.late, label: 'Met late' },
      { colour: COLOURS.overdue, label: 'Still overdue' },
    ]),
    stackedBars(timescaleRows(audit)),
  ];
}

function comparison(audit: TermlyAudit): Content[] {
  const title = 'Compared with the previous three terms';
  return [
    heading(title),
    dataTable(
      [
        '',
        ...audit.comparison.map(
          (row) => `${row.label}${row.current ? ' (this audit)' : ''}\n${formatUkDate(row.from)} to ${formatUkDate(row.to)}`,
        ),
      ],
      comparisonRows.map(([label, value]) => [label, ...audit.comparison.map(value)]),
      [130, ...audit.comparison.map((): '*' => '*')],
    ),
  ];
}

function timescales(audit: TermlyAudit, who: Who): Content[] {
  const late = audit.timescales.late;
  return [
    heading('Timescales'),
    paragraph(
      'Every referral milestone, escalation stage target and agreed action due in the period, as it stands now: met on time, met late, or still overdue. Whose deadline it was decides whose working days count how late it was.',
    ),
    dataTable(
      ['Deadlines', 'Met on time', 'Met late', 'Still overdue'],
      timescaleRows(audit).map((row) => [row.label, String(row.metOnTime), String(row.metLate), String(row.overdue)]),
      ['*', 70, 70, 70],
    ),
    { text: 'Each deadline met late or still overdue', style: 'subheading' },
    late.length > 0
      ? dataTable(
          ['Deadline', 'Child and record', 'Due', 'Met', 'How late', 'Whose deadline'],
          late.map((item) => [
            item.what,
            who(item.record),
            formatUkDateTime(item.dueAt),
            item.metAt ? formatUkDateTime(item.metAt) : 'Not yet',
            item.lateBy,
            item.whoseLabel,
          ]),
          ['*', 80, 58, 58, 62, 90],
        )
      : paragraph('None: every deadline due in the period was met on time.'),
  ];
}

function escalationsTable(audit: TermlyAudit, who: Who): Content[] {
  return [
    heading('Escalations in this audit'),
    audit.escalations.length > 0
      ? dataTable(
          ['Child and record', 'About', 'With', 'Opened', 'At the end of the period', 'Highest stage', 'Gaps'],
          audit.escalations.map((line) => [
            who(line.record),
            line.categoryLabel,
            `${line.agencyName} (${line.agencyKindLabel})`,
            formatUkDate(line.openedAt),
            line.closedAt
              ? `${escalationStatusLabels[line.statusAtEnd]} ${formatUkDate(line.closedAt)}${line.workingDaysToResolution !== null ? ` (${plural(line.workingDaysToResolution, 'working day')})` : ''}`
              : escalationStatusLabels[line.statusAtEnd],
            line.highestStage,
            String(line.gaps),
          ]),
          [70, '*', 68, 56, 72, 76, 24],
        )
      : paragraph('No escalation was open at any time in the period.'),
    ...countTable('By what the disagreement was about', 'What it was about', audit.byCategory, 'None.'),
    ...countTable('By kind of agency', 'Kind of agency', audit.byAgencyKind, 'None.'),
    { text: 'By agency', style: 'subheading' },
    audit.byAgency.length > 0
      ? dataTable(
          ['Agency', 'Kind', 'Escalations'],
          audit.byAgency.map((row) => [row.label, row.kindLabel, String(row.count)]),
          ['*', 140, 70],
        )
      : paragraph('None.'),
  ];
}

function quality(audit: TermlyAudit, who: Who): Content[] {
  return [
    heading('Record quality'),
    paragraph('The gaps in the records of the escalations in this audit, as the records stand now, each with what to do about it.'),
    dataTable(
      ['Gap', 'Number'],
      audit.gapCounts.map((row) => [row.label, String(row.count)]),
      ['*', 70],
    ),
    audit.gaps.length > 0
      ? dataTable(
          ['Child and record', 'Gap', 'What to do'],
          audit.gaps.map((gap) => [who(gap.record), gap.what, gap.fix]),
          [90, '*', 150],
        )
      : paragraph('No gaps were found.'),
  ];
}

function learning(audit: TermlyAudit, who: Who): Content[] {
  const issues = audit.learning.filter((point) => point.hasIssues);
  return [
    heading('Learning points and policy or practice issues'),
    audit.learning.length > 0
      ? dataTable(
          ['Child and record', 'Reviewed', 'What went well', 'What did not go well'],
          audit.learning.map((point) => [
            who(point.record),
            `${formatUkDate(point.reviewedAt)}\n${point.reviewedBy}`,
            point.wentWell,
            point.wentBadly,
          ]),
          [80, 62, '*', '*'],
        )
      : paragraph('No learning review was recorded in the period.'),
    { text: 'Policy or practice issues to pass to the safeguarding partnership', style: 'subheading' },
    issues.length > 0
      ? dataTable(
          ['Child and record', 'Issue', 'Reported to the partnership'],
          issues.map((point) => [
            who(point.record),
            point.issuesForPartnership,
            point.reportedToPartnershipAt ? formatUkDate(point.reportedToPartnershipAt) : 'Not yet',
          ]),
          [80, '*', 90],
        )
      : paragraph('None raised in the period.'),
  ];
}

export function termlyAuditDocument(input: TermlyAuditDocumentInput): TDocumentDefinitions {
  const audit = input.leaveOutNames ? withoutChildrenNames(input.audit) : input.audit;
  const who: Who = input.leaveOutNames ? (record) => record.reference : (record) => `${record.childName} (${record.reference})`;
  return withPageLayout(
    { settingName: audit.settingName, title: TERMLY_AUDIT_TITLE, generatedBy: input.author, generatedAt: input.generatedAt },
    [
      detailsTable([
        ['Period', audit.period.label],
        ['Dates', `${formatUkDate(audit.period.from)} to ${formatUkDate(audit.period.to)}`],
        ['Escalation procedure', audit.procedures.length > 0 ? audit.procedures.join('; ') : '—'],
        ['Worked out', `${formatUkDateTime(audit.generatedAt)}: deadlines and gaps are as the records stood then`],
        [
          'Records checked',
          input.recordsCheck.findings.length === 0
            ? `${formatUkDateTime(input.recordsCheck.checkedAt)}: ${recordsIntactWords(input.recordsCheck)}.`
            : `${formatUkDateTime(input.recordsCheck.checkedAt)}: signs of change outside Escalation Log: ${input.recordsCheck.findings.join(' ')}`,
        ],
        [
          'Children',
          input.leaveOutNames
            ? 'Names left out: each child is shown by their initials and the record’s reference (E- an escalation, R- a referral, with the date it was opened or made).'
            : 'Shown by name, with the record’s reference.',
        ],
      ]),
      ...summary(audit, who),
      ...charts(audit),
      ...comparison(audit),
      ...timescales(audit, who),
      ...escalationsTable(audit, who),
      ...quality(audit, who),
      ...learning(audit, who),
      heading('How the figures are counted'),
      paragraph(
        'An escalation is in the audit if it was open at any time in the period: opened before the period ended and not resolved or closed before it began. Those carried in plus those opened equal those resolved, closed without resolution and still open at the end.',
      ),
      paragraph(audit.workingDaysNote),
      paragraph(
        'Time to resolution runs from when the disagreement was first raised to the written statement of the outcome. Highest stage is the furthest stage of the procedure reached by the end of the period.',
      ),
    ],
  );
}
