import { z } from 'zod';
import { fullNameSchema, idSchema, isoDateSchema, isoInstantSchema, optionalText, requiredText } from './common';
import type { Deadline, DeadlineState } from '../deadlines';
import { agencyKinds, type AgencyKind } from '../escalations/agency-kinds';
import { contactMethods, type ContactMethod } from '../escalations/contact-methods';
import { escalationStatuses, type EscalationStatus, type StageOutcome } from '../escalations/statuses';
import { milestoneKeys } from '../referrals/milestone-keys';
import type { Contact } from '../procedures/schema';
import type { FormId } from '../procedures/forms';
import type { EscalationDocumentKind } from './documents';
import { dateRangeFields, pageFields, rangeInOrder } from './paging';
import { escalationCategories } from '../procedures';

// Escalations: professional disagreements, recorded stage by stage under the setting's procedure.

const personSchema = z
  .object({
    name: fullNameSchema('their full name'),
    role: requiredText('their role', 120),
    agency: optionalText('their agency', 120),
  })
  .strict();
export type Person = z.output<typeof personSchema>;

/** An agreed action's deadline: as every deadline, except that a withdrawn action is `not-required`. */
export type ActionDeadline = Omit<Deadline, 'state'> & { state: DeadlineState };

export const openEscalationInput = z
  .object({
    childId: idSchema,
    category: z
      .string({ message: 'Choose what the disagreement is about.' })
      .min(1, { message: 'Choose what the disagreement is about.' })
      .max(100, { message: 'That is not one of the categories.' }),
    immediateRisk: z.boolean({ message: 'Say whether the child is at immediate risk of significant harm.' }),
    /** Required when immediateRisk: the referral to children's social care or the police was made first. */
    immediateReferral: z
      .object({
        madeAt: isoInstantSchema('when the immediate referral was made'),
        madeTo: requiredText('who it was made to (children’s social care or police)', 200),
      })
      .strict()
      .optional(),
    otherAgencyKind: z.enum(agencyKinds, { message: 'Choose the kind of agency you disagree with.' }),
    otherAgencyName: requiredText('the name of the other agency or team', 200),
    otherProfessional: z
      .object({
        name: fullNameSchema("the other professional's full name"),
        role: requiredText("the other professional's role", 120),
        contact: optionalText('their contact details', 200),
      })
      .strict(),
    concern: requiredText('what the concern is', 4000),
    areasOfAgreement: requiredText('the areas of agreement (write "none yet" if there are none)', 4000),
    areasOfDisagreement: requiredText('the areas of disagreement', 4000),
    riskRelevance: requiredText('how the disagreement bears on the risk to the child', 4000),
    outcomeSought: requiredText('the outcome you are seeking', 4000),
    openedAt: isoInstantSchema('when the disagreement was first raised'),
    /** Set when the escalation is about a statutory milestone of a referral that was missed. */
    fromMissed: z
      .object({ referralId: idSchema, milestone: z.enum(milestoneKeys, { message: 'Choose the missed milestone.' }) })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.immediateRisk && !value.immediateReferral) {
      ctx.addIssue({
        code: 'custom',
        path: ['immediateReferral'],
        message: 'A child at immediate risk must be referred to children’s social care or the police now. Record that referral first.',
      });
    }
  });

export const recordStageEntryInput = z
  .object({
    escalationId: idSchema,
    occurredAt: isoInstantSchema('when it happened'),
    method: z.enum(contactMethods, { message: 'Choose how the conversation happened.' }),
    participants: z.array(personSchema).min(1, { message: 'Add everyone who took part, with full names and roles.' }).max(30),
    summary: requiredText('what was said', 8000),
    decision: requiredText('the decision reached', 4000),
    rationale: requiredText('the rationale for the decision', 4000),
    toldOfOutcome: z.array(personSchema).max(30),
    originalReferrerTold: z.boolean({ message: 'Say whether the original referrer was told of the outcome.' }),
  })
  .strict();

export const addActionInput = z
  .object({
    escalationId: idSchema,
    entryId: idSchema.optional(),
    description: requiredText('what is to be done', 2000),
    ownerName: fullNameSchema('the full name of who will do it'),
    ownerRole: requiredText('their role', 120),
    /** When it was agreed: an action can be recorded after the meeting that agreed it. Today when left out. */
    agreedOn: isoDateSchema('the date it was agreed').optional(),
    dueDate: isoDateSchema('the date it is due'),
  })
  .strict()
  .refine((value) => value.agreedOn === undefined || value.dueDate >= value.agreedOn, {
    path: ['dueDate'],
    message: 'The date it is due cannot be before the date it was agreed.',
  });

export const completeActionInput = z
  .object({
    actionId: idSchema,
    doneAt: isoInstantSchema('when it was done'),
    note: optionalText('a note', 2000),
    /** Required when it was done before the action was recorded: why it is recorded after the event. */
    backdatedReason: optionalText('why it is recorded after it was done', 2000),
  })
  .strict();

/** An action no longer wanted: kept on the record, marked withdrawn with why, and no longer due. */
export const withdrawActionInput = z.object({ actionId: idSchema, reason: requiredText('why the action is withdrawn', 2000) }).strict();

export const setStepDoneInput = z
  .object({ escalationId: idSchema, stageId: z.string().min(1).max(100), stepId: z.string().min(1).max(100), done: z.boolean() })
  .strict();

export const escalateInput = z
  .object({
    escalationId: idSchema,
    reason: requiredText('why the disagreement is being escalated', 4000),
    escalatedAt: isoInstantSchema('when it was escalated'),
    /**
     * Straight to a later stage, past the ones between, under one of the procedure's skip rules (the
     * stage and the rule the DSL chose). Left out: the next stage, as the procedure's routing says.
     */
    skipTo: z
      .object({
        stageId: z
          .string({ message: 'Choose the stage to go straight to.' })
          .min(1, { message: 'Choose the stage to go straight to.' })
          .max(100),
        ruleId: z
          .string({ message: 'Choose which of the procedure’s reasons applies.' })
          .min(1, { message: 'Choose which of the procedure’s reasons applies.' })
          .max(100),
      })
      .strict()
      .optional(),
  })
  .strict();

export const resolveInput = z
  .object({
    escalationId: idSchema,
    resolvedAt: isoInstantSchema('when it was resolved'),
    outcomeStatement: requiredText('the written statement of the outcome', 8000),
    consequentActions: requiredText('the consequent actions (write "none" if there are none)', 4000),
    agreedBy: z
      .array(requiredText('the agency', 200))
      .min(2, { message: 'Name every agency that agreed the statement (at least yours and theirs).' })
      .max(20),
  })
  .strict();

export const closeUnresolvedInput = z
  .object({
    escalationId: idSchema,
    closedAt: isoInstantSchema('when it was closed'),
    reason: requiredText('why it is being closed without resolution', 4000),
  })
  .strict();

export const learningReviewInput = z
  .object({
    escalationId: idSchema,
    wentWell: requiredText('what went well', 4000),
    wentBadly: requiredText('what did not go well', 4000),
    issuesForPartnership: requiredText('policy or practice issues to raise with the partnership (write "none" if none)', 4000),
    reportedToPartnershipAt: isoInstantSchema('when they were reported to the partnership').optional(),
  })
  .strict();

export const amendStageEntryInput = z
  .object({
    entryId: idSchema,
    changes: z
      .object({
        summary: requiredText('what was said', 8000),
        decision: requiredText('the decision reached', 4000),
        rationale: requiredText('the rationale for the decision', 4000),
      })
      .partial()
      .strict()
      .refine((changes) => Object.keys(changes).length > 0, { message: 'Change at least one part of the record.' }),
    reason: requiredText('why this record is being amended', 1000),
  })
  .strict();

/**
 * What a partnership's form says while the escalation is open, recordable at any stage: the lead
 * agency (chosen: not always the setting), the policy or practice issues identified, the current
 * position and the issues that remain. Recorded again whenever it changes; the old words are kept.
 */
export const recordPartnershipInput = z
  .object({
    escalationId: idSchema,
    leadAgency: requiredText('the lead agency', 200),
    policyPracticeIssues: requiredText('the policy or practice issues identified (write "none yet" if none)', 4000),
    currentPosition: requiredText('the current position', 4000),
    remainingIssues: requiredText('the issues that remain (write "none" if none)', 4000),
  })
  .strict();

/** The partnership forms a DSL records sending to the partnership. */
export const partnershipFormKinds = ['liverpool-report-to-lscb', 'cscp-escalation-notification'] as const;

/** "Sent to the partnership on …", for one form. */
export const recordFormSentInput = z
  .object({
    escalationId: idSchema,
    form: z.enum(partnershipFormKinds, { message: 'Choose the form that was sent.' }),
    sentAt: isoInstantSchema('when it was sent to the partnership'),
    note: optionalText('a note (who it was sent to, how)', 1000),
  })
  .strict();

export const getEscalationInput = z.object({ id: idSchema }).strict();
/**
 * The escalations list, newest first, a page at a time: one child's, or filtered by status, category,
 * the other agency's kind, the stage it is at (or ended at: a stage id such as 'stage-2', as the
 * procedures name them) and when it was opened.
 */
export const listEscalationsInput = z
  .object({
    childId: idSchema.optional(),
    status: z.enum(escalationStatuses, { message: 'Choose open, resolved or closed unresolved.' }).optional(),
    category: z.enum(escalationCategories, { message: 'Choose what the disagreement is about.' }).optional(),
    agencyKind: z.enum(agencyKinds, { message: 'Choose the kind of agency.' }).optional(),
    stageId: z
      .string()
      .max(60, { message: 'Choose a stage.' })
      .regex(/^[A-Za-z0-9-]+$/, { message: 'Choose a stage.' })
      .optional(),
    ...dateRangeFields('an escalation was opened'),
    ...pageFields,
  })
  .strict()
  .superRefine(rangeInOrder);

export interface AmendmentView {
  field: string;
  oldValue: string;
  newValue: string;
  reason: string;
  amendedBy: string;
  amendedAt: string;
}

export interface StageEntryView {
  id: string;
  stageRecordId: string;
  stageLabel: string;
  occurredAt: string;
  method: ContactMethod;
  participants: Person[];
  summary: string;
  decision: string;
  rationale: string;
  toldOfOutcome: Person[];
  originalReferrerTold: boolean;
  createdAt: string;
  createdBy: string;
  amendments: AmendmentView[];
}

export interface ActionView {
  id: string;
  stageRecordId: string;
  stageLabel: string;
  description: string;
  ownerName: string;
  ownerRole: string;
  /** The date it was agreed ('YYYY-MM-DD'). */
  agreedOn: string;
  dueDate: string;
  /** Met when done by its date; `not-required` once withdrawn. */
  deadline: ActionDeadline;
  doneAt: string | null;
  doneNote: string | null;
  /** Why it was recorded as done at a time before the action itself was recorded. */
  doneBackdatedReason: string | null;
  /** When the action was recorded. */
  recordedAt: string;
  withdrawn: { at: string; reason: string; by: string } | null;
}

export interface LadderRung {
  stageId: string;
  label: string;
  title: string;
  /**
   * `skipped`: passed over, by the procedure's routing or by the DSL going straight to a later stage
   * (`skippedBecause` says which); `not-reached`: the escalation ended (resolved or closed) before this stage.
   */
  state: 'done' | 'current' | 'to-come' | 'skipped' | 'not-reached';
  /** For a skipped stage: why it was passed over, in words. */
  skippedBecause: string | null;
  /** For a stage the DSL went straight to: from where, the procedure's words that allow it, and the DSL's reason. */
  wentStraightHere: { fromLabel: string; when: string; source: string; reason: string } | null;
  /** The stage record (when this stage was reached). */
  recordId: string | null;
  startedAt: string | null;
  target: Deadline | null;
  outcome: StageOutcome | null;
  outcomeAt: string | null;
  outcomeReason: string | null;
  routingReason: string | null;
}

/** A local contact the procedure gives for a stage (an adviser, a mailbox, a phone line). */
export type ContactView = Omit<Contact, 'id'>;

export interface CurrentStageView {
  recordId: string;
  stageId: string;
  label: string;
  title: string;
  summary: string;
  startedAt: string;
  target: Deadline | null;
  /** Who acts at this stage for the other agency, and for us. */
  whoToContact: string;
  whoActsForUs: string;
  /** The procedure's local contacts for this stage, as the setting's procedure now has them. */
  contacts: ContactView[];
  /** Names this stage uses that have since changed, with the current name ('LSCB: now the Liverpool Safeguarding Children Partnership …'). */
  currentNames: string[];
  steps: { id: string; text: string; done: boolean }[];
  /** The forms this stage calls for, e.g. 'Complete the Escalation Notification Form'. */
  forms: { form: string; title: string; instruction: string }[];
  next: { label: string; title: string; reason: string | null } | null;
  /**
   * Later stages the DSL may go straight to from here, past the ones between, each with the
   * procedure's rules that allow it (what must hold, and the policy's own words).
   */
  skipTo: { stageId: string; label: string; title: string; rules: { id: string; when: string; source: string }[] }[];
}

export interface EscalationDetail {
  id: string;
  childId: string;
  childName: string;
  category: string;
  categoryLabel: string;
  status: EscalationStatus;
  procedure: {
    id: string;
    version: number;
    name: string;
    /** The partnership as the policy names it, with its current name beside where it has changed. */
    partnership: string;
    /** The document the procedure is written from: title, year and publisher. */
    source: string;
    /** When the procedure was last checked against that document ('YYYY-MM-DD'), if known. */
    lastChecked: string | null;
    /** Names the policy uses that have since changed ('LSCB', now 'the Liverpool Safeguarding Children Partnership'). */
    renamed: { asWritten: string; now: string }[];
  };
  /** Each form's title as this procedure's documents show it, with a renamed body's current name beside. */
  formTitles: Record<FormId, string>;
  track: { id: string; title: string };
  ourAgency: AgencyKind;
  otherAgency: { kind: AgencyKind; name: string };
  otherProfessional: { name: string; role: string; contact: string | null };
  concern: string;
  areasOfAgreement: string;
  areasOfDisagreement: string;
  riskRelevance: string;
  outcomeSought: string;
  immediateRisk: boolean;
  immediateReferral: { madeAt: string; madeTo: string } | null;
  referralId: string | null;
  missedMilestone: string | null;
  openedAt: string;
  openedBy: string;
  closedAt: string | null;
  closedReason: string | null;
  ladder: LadderRung[];
  current: CurrentStageView | null;
  entries: StageEntryView[];
  actions: ActionView[];
  resolution: { resolvedAt: string; outcomeStatement: string; consequentActions: string; agreedBy: string[]; recordedBy: string } | null;
  learningReview: {
    wentWell: string;
    wentBadly: string;
    issuesForPartnership: string;
    reportedToPartnershipAt: string | null;
    reviewedBy: string;
    reviewedAt: string;
  } | null;
  /** What the partnership's forms say while the escalation is open; null until first recorded. */
  partnership: {
    leadAgency: string;
    policyPracticeIssues: string;
    currentPosition: string;
    remainingIssues: string;
    updatedAt: string;
    updatedBy: string;
    amendments: AmendmentView[];
  } | null;
  /** The partnership forms this escalation's track calls for at any stage (whether reached yet or not). */
  partnershipForms: { form: (typeof partnershipFormKinds)[number]; title: string; fromStage: string; reached: boolean }[];
  /** Each time a form was sent to the partnership, oldest first. */
  sentToPartnership: { id: string; form: string; formTitle: string; sentAt: string; note: string | null; recordedBy: string }[];
  /** Documents already made for this escalation, newest first. */
  documents: { id: string; kind: string; title: string; createdAt: string; createdBy: string }[];
  /**
   * Documents that can be made now: the written concern while open, the outcome statement once
   * resolved, and a partnership form from the stage that calls for it.
   */
  availableDocuments: { kind: EscalationDocumentKind; title: string }[];
}

export interface EscalationSummary {
  id: string;
  childId: string;
  childName: string;
  categoryLabel: string;
  status: EscalationStatus;
  otherAgencyName: string;
  stageLabel: string;
  stageTitle: string;
  target: Deadline | null;
  openedAt: string;
  procedureName: string;
}

/** What the open-escalation form starts from when a statutory milestone was missed. */
export interface EscalationDraft {
  input: Omit<z.input<typeof openEscalationInput>, 'otherProfessional'> & {
    otherProfessional: { name: string; role: string; contact?: string };
  };
  procedureName: string;
  /** The track of the setting's procedure the escalation will follow. */
  trackTitle: string;
  /** Each step of the procedure with when it falls due if nothing changes. */
  steps: { label: string; title: string; dueAt: string | null; explanation: string[] }[];
}
