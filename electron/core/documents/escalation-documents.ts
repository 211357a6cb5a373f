import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatUkDate, formatUkDateTime } from '../../../shared/deadlines';
import { contactMethodLabels } from '../../../shared/escalations/contact-methods';
import type { EscalationDetail, LadderRung } from '../../../shared/schemas/escalations';
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

function stagesReached(e: EscalationDetail): Content {
  return dataTable(
    ['Stage', 'Reached', 'Outcome'],
    e.ladder.flatMap((rung) =>
      rung.startedAt === null ? [] : [[`${rung.label}: ${rung.title}`, formatUkDate(rung.startedAt), stageOutcome(rung)]],
    ),
    [170, 70, '*'],
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
      `I am writing to put our concern in writing under ${e.procedure.name} (${e.procedure.partnership}). ${current ? `We are at ${current.label}: ${current.title}.` : ''} This letter is part of the child’s safeguarding record.`,
    ),
    ...disagreement(e),
    heading('What happens next'),
    paragraph(
      `${respondBy} If we cannot resolve this, we will escalate it${current?.next ? ` to ${current.next.label}: ${current.next.title}` : ' further under the procedure'}. If the child is at immediate risk of significant harm we will refer to children’s social care or the police at once.`,
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
    heading('Stages reached'),
    stagesReached(e),
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
