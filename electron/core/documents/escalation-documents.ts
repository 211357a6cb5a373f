import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatUkDate, formatUkDateTime } from '../../../shared/deadlines';
import { contactMethodLabels } from '../../../shared/escalations/contact-methods';
import type { EscalationDetail, LadderRung, StageEntryView } from '../../../shared/schemas/escalations';
import { dataTable, detailsTable, heading, paragraph, signatureBlocks, withPageLayout, type DocumentMeta } from './layout';

// The documents an escalation produces: the written concern to the other agency (addressed to whom
// the current step of the procedure says), the written statement of the outcome (the disagreement,
// the outcome, the agreed actions with owners and dates, a signature for every agreeing agency), and
// the partnerships' report forms (Liverpool's Report to LSCB for levels 3 and 4; CSCP's Escalation
// Notification Form), complete while the escalation is still open: the situation, the agencies and
// the lead agency, each stage with its dates and outcome, the stage 3 meeting, the agreed actions,
// the issues identified and when the form was sent. Each is built from the record only.

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

/**
 * Who the letter is to: whom the current step of the procedure says (Liverpool situation 7 step b:
 * the Independent Conference Chair), with the step's contact details; the named professional the
 * disagreement is with beside it. A closed escalation has no current step: the named professional.
 */
function addressedTo(e: EscalationDetail): [string, string][] {
  const professional = `${e.otherProfessional.name}, ${e.otherProfessional.role}, ${e.otherAgency.name}`;
  const current = e.current;
  if (!current) return [['To', professional]];
  const contacts = current.contacts.map((contact) =>
    [contact.name ? `${contact.name}, ${contact.role}` : contact.role, contact.email, contact.phone].filter(Boolean).join(': '),
  );
  return [
    ['To', `${current.whoToContact} (${e.otherAgency.name})`],
    ...(contacts.length > 0 ? [['Contact details', contacts.join('; ')] as [string, string]] : []),
    ['About the disagreement with', professional],
  ];
}

export function writtenConcern(input: EscalationDocumentInput): TDocumentDefinitions {
  const e = input.escalation;
  const current = e.current;
  const respondBy = current?.target
    ? `Please respond by the end of ${formatUkDate(current.target.dueAt)}.`
    : 'Please respond as soon as possible.';
  return withPageLayout(meta(input, 'Written concern: professional disagreement'), [
    detailsTable([
      ...addressedTo(e),
      ['From', `${input.author.name}, ${input.author.role}, ${input.settingName}`],
      ['Date', formatUkDate(input.generatedAt)],
    ]),
    childDetails(input),
    paragraph(
      `I am writing to put our concern in writing under ${e.procedure.name}, the procedure of ${e.procedure.partnership}. This letter is part of the child’s safeguarding record.`,
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

/** The agreed actions (those withdrawn left out), each with who will do it and by when. */
function agreedActions(e: EscalationDetail): Content {
  const actions = e.actions.filter((action) => action.withdrawn === null);
  if (actions.length === 0) return paragraph('No actions agreed.');
  return dataTable(
    ['Action', 'Who will do it', 'By', 'Done'],
    actions.map((action) => [
      action.description,
      `${action.ownerName}, ${action.ownerRole}`,
      formatUkDate(action.dueDate),
      action.doneAt ? formatUkDate(action.doneAt) : 'Not yet',
    ]),
    ['*', 130, 60, 55],
  );
}

/** A signature block for each agency that agreed, two to a row. */
function signaturesOf(agencies: readonly string[]): Content[] {
  const rows: Content[] = [];
  for (let at = 0; at < agencies.length; at += 2) {
    rows.push(
      signatureBlocks(
        agencies.slice(at, at + 2).map((agency) => ({ title: `For ${agency}`, lines: ['Full name and role', 'Signature', 'Date'] })),
      ),
    );
  }
  return rows;
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
    heading('The disagreement'),
    paragraph(e.concern),
    heading('Where we disagreed'),
    paragraph(e.areasOfDisagreement),
    heading('The agreed outcome'),
    paragraph(resolution.outcomeStatement),
    heading('Consequent actions'),
    paragraph(resolution.consequentActions),
    heading('Agreed actions, with who will do them and by when'),
    agreedActions(e),
    heading('Agreed by'),
    { ul: resolution.agreedBy, margin: [0, 0, 0, 8] },
    heading('What happened'),
    { ul: whatHappened(input), margin: [0, 0, 0, 8] },
    heading('Stages reached'),
    stagesInWords(e),
    paragraph('Each agency places a copy of this statement on the child’s record.'),
    ...signaturesOf(resolution.agreedBy),
  ]);
}

/** The conversations at the stage whose label ends "Stage 3": the meeting the partnership's stage 3 calls for. */
function stageThreeMeeting(e: EscalationDetail): Content {
  const rung = e.ladder.find((candidate) => /(^|\s)Stage 3$/.test(candidate.label));
  if (!rung || rung.recordId === null) return paragraph('Stage 3 has not been reached yet.');
  const entries = e.entries.filter((entry) => entry.stageRecordId === rung.recordId);
  if (entries.length === 0) return paragraph(`Stage 3 was reached on ${formatUkDate(rung.startedAt ?? '')}; no meeting is recorded yet.`);
  return dataTable(
    ['When', 'How and who took part', 'Decision and rationale'],
    entries.map((entry) => [
      formatUkDateTime(entry.occurredAt),
      `${contactMethodLabels[entry.method]}: ${entry.participants.map((person) => `${person.name} (${[person.role, person.agency].filter(Boolean).join(', ')})`).join('; ')}`,
      `${entry.decision} Rationale: ${entry.rationale}`,
    ]),
    [65, '*', '*'],
  );
}

/** When this form was sent to the partnership, as the DSL recorded it. */
function notified(e: EscalationDetail, form: string): string {
  const sent = e.sentToPartnership.filter((record) => record.form === form);
  if (sent.length === 0) return 'Not yet recorded as sent: record the date it is sent on the escalation.';
  return sent.map((record) => `${formatUkDate(record.sentAt)}${record.note ? ` (${record.note})` : ''}`).join('; ');
}

/** What both partnership forms carry, from the record as it stands, open or not. */
function partnershipFormBody(input: EscalationDocumentInput, form: string): Content[] {
  const e = input.escalation;
  const p = e.partnership;
  const notYet = 'Not recorded yet.';
  const highest = e.ladder.filter((rung) => rung.startedAt !== null).at(-1);
  return [
    detailsTable([
      ['Situation or category', `${e.categoryLabel} (${e.track.title})`],
      ['Agencies', `${input.settingName}; ${e.otherAgency.name} (${e.otherProfessional.name}, ${e.otherProfessional.role})`],
      ['Lead agency', p?.leadAgency ?? 'Not recorded yet (record it on the escalation).'],
      ['Completed by', `${input.author.name}, ${input.author.role}, ${input.settingName}`],
      ['Highest stage reached', highest ? `${highest.label}: ${highest.title}` : ''],
      ['Status', e.status === 'open' ? 'Open: not yet resolved' : e.status === 'resolved' ? 'Resolved' : 'Closed without resolution'],
      ['Date notified to the partnership', notified(e, form)],
    ]),
    childDetails(input),
    ...disagreement(e),
    heading('Each stage, with its dates and outcome'),
    stagesReached(e),
    heading('The stage 3 meeting'),
    stageThreeMeeting(e),
    heading('Agreed actions, with owners and dates'),
    agreedActions(e),
    heading('Policy or practice issues identified'),
    paragraph(p?.policyPracticeIssues ?? e.learningReview?.issuesForPartnership ?? notYet),
    heading('Current position'),
    paragraph(e.resolution ? `Resolved: ${e.resolution.outcomeStatement}` : (e.closedReason ?? p?.currentPosition ?? notYet)),
    heading('Remaining issues'),
    paragraph(p?.remainingIssues ?? notYet),
    heading('Discussions and decisions'),
    chronology(e),
  ];
}

export function liverpoolReportToLscb(input: EscalationDocumentInput): TDocumentDefinitions {
  const e = input.escalation;
  const lscbNow = e.procedure.renamed.find((renamed) => renamed.asWritten === 'LSCB')?.now;
  return withPageLayout(meta(input, e.formTitles['liverpool-report-to-lscb']), [
    paragraph(
      `Appendix 2 of the LSCB escalation procedure${lscbNow ? ` (the LSCB is now ${lscbNow})` : ''}: completed at stage 3 and submitted to the LSCB Team; updated at stage 4.`,
    ),
    ...partnershipFormBody(input, 'liverpool-report-to-lscb'),
    signatureBlocks([{ title: 'Submitted to the LSCB Team', lines: ['Full name and role', 'Signature', 'Date'] }]),
  ]);
}

export function cscpEscalationNotification(input: EscalationDocumentInput): TDocumentDefinitions {
  return withPageLayout(meta(input, input.escalation.formTitles['cscp-escalation-notification']), [
    paragraph(
      'Completed by the lead agency manager at stage 3 whether or not the disagreement is resolved, and updated at stages 4 and 5 with the remaining issues or the outcome.',
    ),
    ...partnershipFormBody(input, 'cscp-escalation-notification'),
  ]);
}
