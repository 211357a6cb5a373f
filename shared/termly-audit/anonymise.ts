import { withNamesReplaced } from './names';
import type { RecordRef, TermlyAudit } from './types';

// The governors' pack: the same audit with children's names left out. Every record is shown by the
// child's initials and its reference instead, and the free text the audit quotes (learning reviews,
// what a gap is) has each audited child's name replaced by their initials, word by word. Best
// effort for free text: a nickname or a misspelt name is not caught, so the form that offers this
// says to read the learning points before they are handed out.

export function withoutChildrenNames(audit: TermlyAudit): TermlyAudit {
  const children = new Map<string, { name: string; initials: string }>();
  const collect = (ref: RecordRef) => children.set(ref.childId, { name: ref.childName, initials: ref.childInitials });
  audit.escalations.forEach((line) => collect(line.record));
  audit.gaps.forEach((gap) => collect(gap.record));
  audit.timescales.late.forEach((late) => collect(late.record));
  audit.learning.forEach((point) => collect(point.record));
  if (audit.resolution.longest) collect(audit.resolution.longest);
  const replacements = [...children.values()].map((child) => ({ name: child.name, with: child.initials }));
  const text = (value: string) => withNamesReplaced(value, replacements);
  const ref = (record: RecordRef): RecordRef => ({ ...record, childName: record.childInitials });

  return {
    ...audit,
    resolution: { ...audit.resolution, longest: audit.resolution.longest ? ref(audit.resolution.longest) : null },
    timescales: {
      ...audit.timescales,
      late: audit.timescales.late.map((late) => ({ ...late, record: ref(late.record), what: text(late.what) })),
    },
    escalations: audit.escalations.map((line) => ({ ...line, record: ref(line.record) })),
    gaps: audit.gaps.map((gap) => ({
      ...gap,
      record: ref(gap.record),
      // The gap about the child's own name quotes it: say what is wrong without repeating it.
      what: gap.kind === 'name-initials' && gap.record.link.type === 'child' ? 'The child’s name is recorded as initials.' : text(gap.what),
    })),
    learning: audit.learning.map((point) => ({
      ...point,
      record: ref(point.record),
      wentWell: text(point.wentWell),
      wentBadly: text(point.wentBadly),
      issuesForPartnership: text(point.issuesForPartnership),
    })),
  };
}
