import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { TimelineItem } from '../../../shared/schemas/dashboard';
import { timelineKindLabels } from '../../../shared/schemas/dashboard';
import { formatUkDate, formatUkDateTime } from '../../../shared/deadlines';
import { dataTable, detailsTable, heading, paragraph, withPageLayout } from './layout';

// The child's escalation chronology: everything on their timeline, oldest first, as one document
// for a case conference, a partnership request or a review. Built from the timeline the screen shows.

export interface ChronologyInput {
  child: { fullName: string; dateOfBirth: string; classOrYear: string };
  items: readonly TimelineItem[];
  settingName: string;
  author: { name: string; role: string };
  generatedAt: string;
}

const stateWords = { met: 'Met', 'met-late': 'Met late', overdue: 'Overdue', due: 'Due', 'not-required': 'Not required' } as const;

export function childChronology(input: ChronologyInput): TDocumentDefinitions {
  const rows = input.items.map((item) => [
    formatUkDateTime(item.at),
    timelineKindLabels[item.kind],
    [item.title, item.detail].filter(Boolean).join('\n'),
    item.state ? `${stateWords[item.state]}${item.dueAt ? ` (due ${formatUkDateTime(item.dueAt)})` : ''}` : '',
  ]);
  return withPageLayout(
    { settingName: input.settingName, title: 'Escalation chronology', generatedBy: input.author, generatedAt: input.generatedAt },
    [
      detailsTable([
        ['Child', input.child.fullName],
        ['Date of birth', formatUkDate(input.child.dateOfBirth)],
        ['Class or year', input.child.classOrYear],
        ['Entries', String(input.items.length)],
      ]),
      paragraph(
        'Every referral, statutory milestone, escalation stage, conversation and decision, action, outcome, amendment and document recorded for this child, oldest first. Deadlines not yet met appear at the time they are due.',
      ),
      heading('Chronology'),
      rows.length > 0
        ? dataTable(['When', 'Kind', 'What', 'Deadline'], rows, [72, 70, '*', 90])
        : paragraph('Nothing is recorded for this child yet.'),
    ],
  );
}
