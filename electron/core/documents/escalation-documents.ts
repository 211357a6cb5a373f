import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatUkDate, formatUkDateTime } from '../../../shared/deadlines';
import { contactMethodLabels } from '../../../shared/escalations/contact-methods';
import type { EscalationDetail, LadderRung, StageEntryView } from '../../../shared/schemas/escalations';
import { dataTable, detailsTable, heading, paragraph, signatureBlocks, withPageLayout, type DocumentMeta } from './layout';

// The documents an escalation produces: the written concern to the other agency, the written
// statement of the outcome, and the partnerships' report forms (Liverpool's Report to LSCB for
// levels 3 and 4; CSCP's Escalation Notification Form). Each is built from the record only.

export interface EscalationDocumentInput {
  escalation: EscalationDetail;
  child: { fullName: string; dateOfBirth: string; classOrYear: string };
  settingName: string;
  author: { name: string; role: string };
  generatedAt: string;
}

function meta(input: EscalationDocumentInput, title: string): DocumentMeta {
  return { settingName: input.settingName, title, generatedBy: input.author, generatedAt: input.generatedAt };
}

function childDetails(input: EscalationDocumentInput): Content {
  return detailsTable([
    ['Child', input.child.fullName],
    ['Date of birth', formatUkDate(input.child.dateOfBirth)],
    ['Class or year', input.child.classOrYear],
  ]);
}

function disagreement(e: EscalationDetail): Content[] {
  return [
    heading('The concern'),
    paragraph(e.concern),
    heading('Where we agree'),
    paragraph(e.areasOfAgreement),
    heading('Where we disagree'),
    paragraph(e.areasOfDisagreement),
    heading('How this bears on the risk to the child'),
    paragraph(e.riskRelevance),
    heading('The outcome we are seeking'),
    paragraph(e.outcomeSought),
  ];
}

/** How a reached stage ended, and when; a stage with no outcome yet is the current one. */
function stageOutcome(rung: LadderRung): string {
  if (rung.outcome === null || rung.outcomeAt === null) return 'Current stage';
  const on = formatUkDate(rung.outcomeAt);
  switch (rung.outcome) {
    case 'escalated':
      return `Escalated ${on}${rung.outcomeReason ? `: ${rung.outcomeReason}` : ''}`;
    case 'resolved':
      return `Resolved ${on}`;
    case 'closed-unresolved':
      return `Closed unresolved ${on}`;
  }
}

/**
 * The stages reached, for a partnership's form: its own stage names ('Stage 3: …'), which the
 * partnership's forms refer to.
 */
function stagesReached(e: EscalationDetail): Content {
  return dataTable(
    ['Stage', 'Reached', 'Outcome'],
    e.ladder.flatMap((rung) =>
      rung.startedAt === null ? [] : [[`${rung.label}: ${rung.title}`, formatUkDate(rung.startedAt), stageOutcome(rung)]],
    ),
    [170, 70, '*'],
  );
}

// Letters (the written concern, the written statement of the outcome) go to people who have never
// seen our procedure's ladder: 'Step c' means nothing to them. A letter says what happened, in
// words and in date order, and names a stage only by the policy's own heading for it.

/** Who took part besides the letter's author, as 'Full Name (Role, Agency)'. */
function withWhom(entry: StageEntryView, author: string): string {
  const others = entry.participants.filter((person) => person.name.trim().toLowerCase() !== author.trim().toLowerCase());
  const names = others.map((person) => `${person.name} (${[person.role, person.agency].filter(Boolean).join(', ')})`);
  if (names.length === 0) return '';
  return ` with ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`}`;
}

const contactPhrases: Record<StageEntryView['method'], string> = {
  phone: 'we spoke by phone',
  meeting: 'we met',
  virtual: 'we met online',
  email: 'we wrote by email',
  letter: 'we wrote by letter',
};

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** What has happened so far, oldest first: when the concern was raised, each conversation, and each time it was taken further. */
function whatHappened(input: EscalationDocumentInput): string[] {
  const e = input.escalation;
  const events: { at: string; order: number; text: string }[] = [
    {
      at: e.openedAt,
      order: 0,
      text: `${formatUkDate(e.openedAt)}: we raised our concern with ${e.otherProfessional.name}, ${e.otherProfessional.role}, ${e.otherAgency.name}.`,
    },
  ];
  for (const entry of e.entries) {
    events.push({
      at: entry.occurredAt,
      order: 1,
      text: `${formatUkDate(entry.occurredAt)}: ${contactPhrases[entry.method]}${withWhom(entry, input.author.name)}. ${sentence(entry.decision)}`,
    });
  }
  e.ladder.forEach((rung, index) => {
    if (rung.outcome !== 'escalated' || rung.outcomeAt === null) return;
    const next = e.ladder.slice(index + 1).find((later) => later.startedAt !== null);
    const where = next ? ` (${next.wentStraightHere ? 'going straight to' : 'to'}: ${next.title})` : '';
    const why = rung.outcomeReason ? `, because: ${sentence(rung.outcomeReason)}` : '.';
    events.push({ at: rung.outcomeAt, order: 2, text: `${formatUkDate(rung.outcomeAt)}: we took the concern further${where}${why}` });
  });
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order).map((event) => event.text);
}

/** The stages reached, for a letter: each by the policy's heading, when, and how it ended, in words. */
function stagesInWords(e: EscalationDetail): Content {
  return dataTable(
    ['Stage of the procedure', 'Reached', 'Outcome'],
    e.ladder.flatMap((rung) => (rung.startedAt === null ? [] : [[rung.title, formatUkDate(rung.startedAt), stageOutcome(rung)]])),
    [190, 70, '*'],
  );
}

function chronology(e: EscalationDetail): Content {
  return dataTable(
    ['When', 'Stage', 'How and with whom', 'Decision and rationale'],
    e.entries.map((entry) => [
      formatUkDateTime(entry.occurredAt),
      entry.stageLabel,
      `${contactMethodLabels[entry.method]}: ${entry.participants.map((person) => `${person.name} (${person.role})`).join('; ')}`,
      `${entry.decision} Rationale: ${entry.rationale}`,
    ]),
    [65, 55, '*', '*'],
  );
}

export function writtenConcern(input: EscalationDocumentInput): TDocumentDefinitions {
  const e = input.escalation;
  const current = e.current;
  const respondBy = current?.target
    ? `Please respond by the end of ${formatUkDate(current.target.dueAt)}.`
    : 'Please respond as soon as possible.';
  return withPageLayout(meta(input, 'Written concern: professional disagreement'), [
    detailsTable([
      ['To', `${e.otherProfessional.name}, ${e.otherProfessional.role}, ${e.otherAgency.name}`],
      ['Copy to', `The line manager of ${e.otherProfessional.name}`],
      ['From', `${input.author.name}, ${input.author.role}, ${input.settingName}`],
      ['Date', formatUkDate(input.generatedAt)],
    ]),
    childDetails(input),
    paragraph(
      `I am writing to put our concern in writing under ${e.procedure.name} (${e.procedure.partnership}). This letter is part of the child’s safeguarding record.`,
    ),
    ...disagreement(e),
    heading('What has happened so far'),
    { ul: whatHappened(input), margin: [0, 0, 0, 8] },
    heading('What happens next'),
    paragraph(
      `${respondBy} If we cannot resolve this, we will take it further under the procedure${current?.next ? `: the next step is “${current.next.title}”` : ''}. If the child is at immediate risk of significant harm we will refer to children’s social care or the police at once.`,
    ),
    signatureBlocks([{ title: 'Signed', lines: ['Signature', `${input.author.name}, ${input.author.role}`, 'Date'] }]),
  ]);
}

export function outcomeStatement(input: EscalationDocumentInput): TDocumentDefinitions {
  const e = input.escalation;
  const resolution = e.resolution;
  if (!resolution) throw new Error('The escalation has no agreed outcome yet.');
  return withPageLayout(meta(input, 'Written statement of the outcome'), [
    childDetails(input),
    detailsTable([
      ['Disagreement between', `${input.settingName} and ${e.otherAgency.name}`],
      ['About', e.categoryLabel],
      ['Procedure', `${e.procedure.name}, version ${e.procedure.version}`],
      ['Opened', formatUkDateTime(e.openedAt)],
      ['Resolved', formatUkDateTime(resolution.resolvedAt)],
    ]),
    heading('The agreed outcome'),
    paragraph(resolution.outcomeStatement),
    heading('Consequent actions'),
    paragraph(resolution.consequentActions),
    heading('Agreed by'),
    { ul: resolution.agreedBy, margin: [0, 0, 0, 8] },
    heading('What happened'),
    { ul: whatHappened(input), margin: [0, 0, 0, 8] },
    heading('Stages reached'),
    stagesInWords(e),
    paragraph('Each agency places a copy of this statement on the child’s record.'),
    signatureBlocks(
      resolution.agreedBy.slice(0, 2).map((agency) => ({ title: `For ${agency}`, lines: ['Full name and role', 'Signature', 'Date'] })),
    ),
  ]);
}

export function liverpoolReportToLscb(input: EscalationDocumentInput): TDocumentDefinitions {
  const e = input.escalation;
  return withPageLayout(meta(input, 'Report to LSCB: Multi-Agency Resolution Levels 3 and 4'), [
    paragraph('Appendix 2 of the LSCB escalation procedure: completed at stage 3 and submitted to the LSCB Team; updated at stage 4.'),
    detailsTable([
      ['Referring agency', input.settingName],
      ['Completed by', `${input.author.name}, ${input.author.role}`],
      ['Other agency', `${e.otherAgency.name} (${e.otherProfessional.name}, ${e.otherProfessional.role})`],
      ['Current stage', e.current ? `${e.current.label}: ${e.current.title}` : 'Concluded'],
    ]),
    childDetails(input),
    ...disagreement(e),
    heading('Stages reached'),
    stagesReached(e),
    heading('Discussions and decisions so far'),
    chronology(e),
    heading('Issues for the LSCB'),
    paragraph(e.learningReview?.issuesForPartnership ?? 'To be completed by the LSCB safeguarding representatives at the stage 3 meeting.'),
    signatureBlocks([{ title: 'Submitted to the LSCB Team', lines: ['Full name and role', 'Signature', 'Date'] }]),
  ]);
}

export function cscpEscalationNotification(input: EscalationDocumentInput): TDocumentDefinitions {
  const e = input.escalation;
  const reached = e.ladder.filter((rung) => rung.startedAt !== null);
  const highest = reached[reached.length - 1];
  return withPageLayout(meta(input, 'Escalation Notification Form'), [
    paragraph(
      'Completed by the lead agency manager at stage 3 whether or not the disagreement is resolved, and updated at stages 4 and 5.',
    ),
    detailsTable([
      ['Lead agency', input.settingName],
      ['Completed by', `${input.author.name}, ${input.author.role}`],
      ['Other agency', `${e.otherAgency.name} (${e.otherProfessional.name}, ${e.otherProfessional.role})`],
      ['Highest stage reached', highest ? `${highest.label}: ${highest.title}` : ''],
      ['Status', e.status === 'open' ? 'Unresolved' : e.status === 'resolved' ? 'Resolved' : 'Closed without resolution'],
    ]),
    childDetails(input),
    ...disagreement(e),
    heading('Stages reached'),
    stagesReached(e),
    heading('Outcome or remaining issues'),
    paragraph(
      e.resolution
        ? e.resolution.outcomeStatement
        : (e.closedReason ?? 'Not yet resolved: see the stages reached and the discussions below.'),
    ),
    heading('Policy or practice issues identified'),
    paragraph(e.learningReview?.issuesForPartnership ?? 'To be identified with the other agency at this stage.'),
    heading('Discussions and decisions'),
    chronology(e),
  ]);
}
