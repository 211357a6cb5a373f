import { z } from 'zod';
import { MAX_HOURS, MAX_MONTHS, MAX_WORKING_DAYS, MAX_WORKING_WEEKS, type Rule } from '../deadlines';
import { agencyKinds, type AgencyKind } from '../escalations/agency-kinds';
import type { referralCategories } from '../referrals/categories';
import { milestoneKeys } from '../referrals/milestone-keys';
import { escalationCategories } from './categories';
import { formActions, formIds } from './forms';

// The shape of a procedure, as zod schemas with the types inferred from them. The built-ins are
// written in this shape and parse with it (a test checks); a setting's edited copy, and a procedure
// file imported from a partnership, are validated with it before they are saved; every stored
// snapshot is read back through it (stored.ts first brings one saved in an older shape up to date).
// resources/procedure.schema.json is generated from it, so a partnership can write a procedure
// file without the app's source.
//
// A procedure owns everything local: its stages and who acts at each, its contacts, and its own
// timescales (the written follow-up of a phone referral, when a strategy discussion is held, its
// minutes, how long a stage has). The national timescales (Working Together 2023) are not here:
// they are the same for every partnership (shared/deadlines/timescales.ts).

/** The kinds of agency (the list is the escalation record's, so the two can never disagree). */
const agencyKindSchema = z.enum(agencyKinds, { message: `Use one of the kinds of agency: ${agencyKinds.join(', ')}.` });
export type { AgencyKind };

const idText = z
  .string({ message: 'Enter a short name for it (letters, numbers and dashes).' })
  .trim()
  .min(1, { message: 'This cannot be empty.' })
  .max(100, { message: 'This must be 100 characters or fewer.' });
const text = (max: number) =>
  z
    .string({ message: 'Enter some words here.' })
    .trim()
    .min(1, { message: 'This cannot be empty.' })
    .max(max, { message: `This must be ${max} characters or fewer.` });
const optionalText = (max: number) =>
  z
    .string({ message: 'Enter some words here, or leave it out.' })
    .trim()
    .max(max, { message: `This must be ${max} characters or fewer.` })
    .optional();

// The deadline calculator refuses counts above its limits: refusing them here too means an edited
// copy can never hold a rule that later fails to give a date.
const count = (max: number) =>
  z
    .number({ message: 'Enter a whole number.' })
    .int({ message: 'Enter a whole number.' })
    .min(0, { message: 'This cannot be less than 0.' })
    .max(max, { message: `This cannot be more than ${max}.` });
export const ruleSchema: z.ZodType<Rule> = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('working-days'), days: count(MAX_WORKING_DAYS) }).strict(),
    z.object({ kind: z.literal('working-weeks'), weeks: count(MAX_WORKING_WEEKS) }).strict(),
    z.object({ kind: z.literal('same-day') }).strict(),
    z.object({ kind: z.literal('hours'), hours: count(MAX_HOURS) }).strict(),
    z.object({ kind: z.literal('months'), months: count(MAX_MONTHS) }).strict(),
  ],
  { message: 'Say how long: working-days, working-weeks, same-day, hours or months.' },
);

/** A timescale the partnership's own policy sets, with the policy's words for it. */
const localTimescaleSchema = z
  .object({
    rule: ruleSchema,
    /** The policy's own words (or, in a setting's copy, what the setting decided and why). */
    source: text(1000).describe('The policy’s own words for this timescale, quoted (or why the setting set it).'),
  })
  .strict()
  .describe('A timescale the partnership’s own policy sets.');
export type LocalTimescale = z.infer<typeof localTimescaleSchema>;

/**
 * The referral timescales the partnership sets for itself. Null where its policy sets none: the
 * written follow-up is then not tracked, and the strategy discussion (or its minutes) is an event to
 * record with no due date, never one invented from another partnership's policy.
 */
const localTimescalesSchema = z
  .object({
    /** The written follow-up of a phone referral: the setting's own deadline. */
    'written-follow-up': localTimescaleSchema
      .nullable()
      .describe('The written follow-up of a phone referral, the setting’s own deadline; null where the policy sets none.'),
    /** When the strategy discussion is held, by the referral's category (children's social care's deadline). */
    'strategy-discussion': z
      .object({
        standard: localTimescaleSchema.nullable(),
        'immediate-risk': localTimescaleSchema.nullable(),
        'penetrative-sexual-abuse': localTimescaleSchema.nullable(),
        complex: localTimescaleSchema.nullable(),
      })
      .strict()
      .describe('When a strategy discussion is to be held, by the referral’s category; null where the policy sets none.'),
    /** The strategy discussion's minutes, owed to the setting only when it attended. */
    'strategy-minutes': localTimescaleSchema
      .nullable()
      .describe('The strategy discussion’s minutes, owed to the setting only when it took part; null where the policy sets none.'),
  })
  .strict()
  .describe(
    'The referral timescales the partnership sets for itself. National ones (Working Together 2023: the decision, the assessment, the ICPC, the core group, the reviews) are not set here.',
  );
export type LocalTimescales = z.infer<typeof localTimescalesSchema>;

// The strategy discussion's categories are the referral's: this fails to compile if they differ.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _categoriesAreTheReferrals: Same<keyof LocalTimescales['strategy-discussion'], (typeof referralCategories)[number]> = true;

/**
 * What a stage's target is counted from: the stage starting; the disagreement first being raised
 * (a timescale for the whole disagreement, as Birmingham's week is); the missed timescale falling
 * due (Berkshire West's "after 48 hours of no strategy discussion"); or the previous stage's target
 * (Berkshire West's step 3, "if not resolved after 48 hours" more).
 */
export const targetStarts = ['stage-start', 'escalation-start', 'timescale-missed', 'previous-target'] as const;
export type TargetStart = (typeof targetStarts)[number];

const stageTargetSchema = z
  .object({
    rule: ruleSchema,
    from: z
      .enum(targetStarts, { message: `Say what the target is counted from: ${targetStarts.join(', ')}.` })
      .describe(
        'What the target is counted from: the stage starting; the disagreement first being raised (a time for the whole disagreement); the missed timescale falling due; or the previous stage’s target.',
      ),
    /** The policy's own words for it. */
    source: text(1000),
  })
  .strict();
export type StageTarget = z.infer<typeof stageTargetSchema>;

/** Who acts at a stage, for every kind of agency: a copy may not leave a kind unanswered. */
const whoActsSchema = z.record(agencyKindSchema, text(300));

const formUseSchema = z.object({ form: z.enum(formIds), action: z.enum(formActions) }).strict();

const stageSchema = z
  .object({
    /** Stable: stage records refer to it, so it never changes once an escalation has used it. */
    id: idText,
    /** 'Stage 1', 'Step a'. */
    label: text(40),
    /** The policy's own heading. */
    title: text(300),
    summary: text(2000),
    whoActs: whoActsSchema.describe('Who acts at this stage, for every kind of agency: for the other agency, who to contact.'),
    /** The checklist for the stage, in the policy's words. */
    steps: z.array(z.object({ id: idText, text: text(1000) }).strict()).max(30),
    /** How long the stage has, and from when; null where the policy sets none. */
    target: stageTargetSchema.nullable().describe('How long the stage has, and from when; null where the policy sets no time.'),
    forms: z.array(formUseSchema).max(10),
    /** The procedure's local contacts (by id) for this stage: kept in one place, shown with the stage. */
    contacts: z.array(idText).max(10).optional().describe('The ids of the procedure’s contacts this stage names.'),
  })
  .strict()
  .superRefine((stage, ctx) => {
    const stepIds = stage.steps.map((step) => step.id);
    stepIds.forEach((id, index) => {
      if (stepIds.indexOf(id) !== index)
        ctx.addIssue({ code: 'custom', path: ['steps', index, 'id'], message: `Step id ${id} is used twice.` });
    });
    // One line per form: a stage asks for a form to be completed *or* updated, and screens list forms by id.
    const forms = stage.forms.map((use) => use.form);
    forms.forEach((form, index) => {
      if (forms.indexOf(form) !== index)
        ctx.addIssue({ code: 'custom', path: ['forms', index, 'form'], message: `${form} is listed twice.` });
    });
  });
export type Stage = z.infer<typeof stageSchema>;

const agencyList = z.array(agencyKindSchema).min(1).max(agencyKinds.length);

/**
 * Which pairs of parties a rule is for. It matches when every listed condition holds, with the pair
 * taken either way round: Birmingham's "between two schools, or between a self-employed professional
 * and a school" holds whichever side is the setting. A side left out matches any kind.
 */
const partiesSchema = z
  .object({ ourAgency: agencyList.optional(), otherAgency: agencyList.optional() })
  .strict()
  .refine((when) => when.ourAgency !== undefined || when.otherAgency !== undefined, {
    message: 'Say which kinds of agency this rule is for.',
  });

const routingRuleSchema = z
  .object({
    id: idText,
    from: idText,
    to: idText,
    when: partiesSchema,
    /** The policy's words, shown to the user when the rule is followed. */
    reason: text(1000),
  })
  .strict();
export type RoutingRule = z.infer<typeof routingRuleSchema>;

/**
 * Where the policy lets the DSL go straight to a later stage, past the ones between (Bromley: "or if
 * there continues to be a serious risk to the child, the matter should be referred to the BSCP";
 * Liverpool's ladders are "the typical steps that can be taken"). Unlike routing, which the procedure
 * follows by itself, a skip is the DSL's choice, made with their reason and recorded as such. It is
 * offered from each stage in `from` to each stage in `to` at least two stages further up the ladder
 * (the next stage is simply escalating).
 */
const skipRuleSchema = z
  .object({
    id: idText,
    from: z.array(idText).min(1).max(40),
    to: z.array(idText).min(1).max(40),
    /** When it applies, in plain words: what the DSL confirms by choosing it. */
    when: text(500),
    /** The policy's own words that allow it, quoted to the DSL (a test finds them in the policy). */
    source: text(1000),
    /** Only for these pairs of parties, as a routing rule's `when`; every pair when left out. */
    parties: partiesSchema.optional(),
  })
  .strict();
export type SkipRule = z.infer<typeof skipRuleSchema>;

const trackSchema = z
  .object({
    id: idText,
    title: text(300),
    stages: z.array(stageSchema).min(1).max(40),
    routing: z.array(routingRuleSchema).max(20),
    /** Where the DSL may go straight to a later stage (left out: nowhere; procedures saved before skips existed have none). */
    skips: z.array(skipRuleSchema).max(20).optional(),
  })
  .strict()
  .superRefine((track, ctx) => {
    const ids = track.stages.map((stage) => stage.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index)
        ctx.addIssue({ code: 'custom', path: ['stages', index, 'id'], message: `Stage id ${id} is used twice.` });
    });
    const ruleIds = track.routing.map((rule) => rule.id);
    track.routing.forEach((rule, index) => {
      if (ruleIds.indexOf(rule.id) !== index)
        ctx.addIssue({ code: 'custom', path: ['routing', index, 'id'], message: `Routing rule id ${rule.id} is used twice.` });
      const from = ids.indexOf(rule.from);
      const to = ids.indexOf(rule.to);
      if (from < 0) ctx.addIssue({ code: 'custom', path: ['routing', index, 'from'], message: `No stage ${rule.from} in this track.` });
      if (to < 0) ctx.addIssue({ code: 'custom', path: ['routing', index, 'to'], message: `No stage ${rule.to} in this track.` });
      // Only forward: a rule that went back could send an escalation round in a loop.
      if (from >= 0 && to >= 0 && to <= from)
        ctx.addIssue({ code: 'custom', path: ['routing', index, 'to'], message: 'Routing can only move up the ladder.' });
    });
    const skips = track.skips ?? [];
    const skipIds = skips.map((rule) => rule.id);
    skips.forEach((rule, index) => {
      if (skipIds.indexOf(rule.id) !== index)
        ctx.addIssue({ code: 'custom', path: ['skips', index, 'id'], message: `Skip rule id ${rule.id} is used twice.` });
      for (const [side, list] of [['from', rule.from] as const, ['to', rule.to] as const]) {
        list.forEach((id, at) => {
          if (!ids.includes(id))
            ctx.addIssue({ code: 'custom', path: ['skips', index, side, at], message: `No stage ${id} in this track.` });
        });
      }
      // A rule that allows no jump past a stage is a mistake (going to the next stage needs no rule).
      const jumps = rule.from.some((from) => rule.to.some((to) => ids.indexOf(to) >= ids.indexOf(from) + 2 && ids.indexOf(from) >= 0));
      if (!jumps)
        ctx.addIssue({
          code: 'custom',
          path: ['skips', index, 'to'],
          message: 'A skip must go past at least one stage: every stage it goes to is at most the next one after where it starts.',
        });
    });
  });
export type Track = z.infer<typeof trackSchema>;

/** A named person, mailbox or phone line the policy gives: data the setting keeps up to date in its copy. */
const contactSchema = z
  .object({
    id: idText,
    /** Who or what it is, e.g. 'School Improvement Liverpool, for safeguarding advice'. */
    role: text(200),
    name: optionalText(120),
    email: optionalText(200),
    phone: optionalText(60),
    note: optionalText(500),
  })
  .strict();
export type Contact = z.infer<typeof contactSchema>;

/** A name the policy uses that has since changed, shown beside it ('LSCB (now the Liverpool Safeguarding Children Partnership)'). */
const renamedSchema = z.object({ asWritten: text(200), now: text(300), note: optionalText(500) }).strict();
export type Renamed = z.infer<typeof renamedSchema>;

/** The partnership's levels of need, in its own words, shown beside a child's level where this procedure is chosen. */
const levelOfNeedSchema = z
  .object({
    level: z
      .number({ message: 'Enter a level from 1 to 4.' })
      .int()
      .min(1, { message: 'Levels start at 1.' })
      .max(4, { message: 'Levels go up to 4.' }),
    title: text(200),
    description: text(1000),
  })
  .strict();

export const procedureSchema = z
  .object({
    /** 'liverpool', 'bromley' … for a built-in; a copy has its own. */
    id: idText,
    version: z.number({ message: 'Enter the version as a whole number.' }).int().min(1, { message: 'Versions start at 1.' }),
    name: text(200),
    partnership: text(200),
    /** The document the procedure is written from, so a DSL can check it against the partnership's current one. */
    source: z
      .object({
        title: text(500),
        /** Who published it. */
        publisher: text(500),
        /** '2018', '2020–2022', or 'Not dated'. */
        year: text(40),
        /** When someone last checked this procedure against the partnership's current document ('YYYY-MM-DD'). */
        lastChecked: z.iso.date({ message: 'Enter the date as YYYY-MM-DD.' }).nullable(),
        /** What the document leaves out and how that was handled. */
        note: optionalText(4000),
      })
      .strict(),
    builtIn: z.boolean({ message: 'Say true or false.' }),
    renamed: z
      .array(renamedSchema)
      .max(10)
      .describe('Names the document uses that have since changed, shown with the current name beside.'),
    contacts: z
      .array(contactSchema)
      .max(40)
      .describe('Named people, mailboxes and phone lines the procedure gives, kept in one place and named by the stages.'),
    localTimescales: localTimescalesSchema,
    levelsOfNeed: z.array(levelOfNeedSchema).max(4).optional(),
    tracks: z.array(trackSchema).min(1, { message: 'A procedure needs at least one track of stages.' }).max(20),
    /** Which track an escalation of each category follows: every category must have one. */
    categoryTracks: z.record(z.enum(escalationCategories), idText),
    /**
     * Which track an escalation opened from a missed milestone follows, where it is not the track for
     * the 'statutory-timescale-missed' category (Berkshire West's steps are for a missed strategy
     * discussion only).
     */
    missedTimescaleTracks: z.partialRecord(z.enum(milestoneKeys), idText).optional(),
  })
  .strict()
  .superRefine((procedure, ctx) => {
    const trackIds = procedure.tracks.map((track) => track.id);
    trackIds.forEach((id, index) => {
      if (trackIds.indexOf(id) !== index)
        ctx.addIssue({ code: 'custom', path: ['tracks', index, 'id'], message: `Track id ${id} is used twice.` });
    });
    for (const category of escalationCategories) {
      const trackId = procedure.categoryTracks[category];
      if (!trackIds.includes(trackId))
        ctx.addIssue({ code: 'custom', path: ['categoryTracks', category], message: `There is no track ${trackId}.` });
    }
    for (const [key, trackId] of Object.entries(procedure.missedTimescaleTracks ?? {})) {
      if (trackId !== undefined && !trackIds.includes(trackId))
        ctx.addIssue({ code: 'custom', path: ['missedTimescaleTracks', key], message: `There is no track ${trackId}.` });
    }
    const contactIds = procedure.contacts.map((contact) => contact.id);
    contactIds.forEach((id, index) => {
      if (contactIds.indexOf(id) !== index)
        ctx.addIssue({ code: 'custom', path: ['contacts', index, 'id'], message: `Contact id ${id} is used twice.` });
    });
    procedure.tracks.forEach((track, t) =>
      track.stages.forEach((stage, s) =>
        (stage.contacts ?? []).forEach((id, c) => {
          if (!contactIds.includes(id))
            ctx.addIssue({ code: 'custom', path: ['tracks', t, 'stages', s, 'contacts', c], message: `There is no contact ${id}.` });
        }),
      ),
    );
    const levels = (procedure.levelsOfNeed ?? []).map((level) => level.level);
    levels.forEach((level, index) => {
      if (levels.indexOf(level) !== index)
        ctx.addIssue({ code: 'custom', path: ['levelsOfNeed', index, 'level'], message: `Level ${level} is listed twice.` });
    });
  });
export type Procedure = z.infer<typeof procedureSchema>;
