import { z } from 'zod';
import { MAX_HOURS, MAX_MONTHS, MAX_WORKING_DAYS, MAX_WORKING_WEEKS, timescaleIds, type Rule, type TimescaleOverrides } from '../deadlines';
import { agencyKinds, type AgencyKind } from '../escalations/agency-kinds';
import { escalationCategories } from './categories';
import { formActions, formIds } from './forms';

// The shape of a procedure, as zod schemas with the types inferred from them. The built-ins are
// written in this shape and parse with it (a test checks); a setting's edited copy is validated
// with it at the API boundary before it is saved, and every stored snapshot is read back through it.

/** The kinds of agency (the list is the escalation record's, so the two can never disagree). */
const agencyKindSchema = z.enum(agencyKinds);
export type { AgencyKind };

const idText = z.string().trim().min(1).max(100);
const text = (max: number) => z.string().trim().min(1, { message: 'This cannot be empty.' }).max(max);

const timescaleIdSchema = z.enum(timescaleIds, { message: 'Choose a timescale from the catalogue.' });

// The deadline calculator refuses counts above its limits: refusing them here too means an edited
// copy can never hold a rule that later fails to give a date.
const count = (max: number) => z.number().int().min(0).max(max);
const ruleSchema: z.ZodType<Rule> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('working-days'), days: count(MAX_WORKING_DAYS) }).strict(),
  z.object({ kind: z.literal('working-weeks'), weeks: count(MAX_WORKING_WEEKS) }).strict(),
  z.object({ kind: z.literal('same-day') }).strict(),
  z.object({ kind: z.literal('hours'), hours: count(MAX_HOURS) }).strict(),
  z.object({ kind: z.literal('months'), months: count(MAX_MONTHS) }).strict(),
]);

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
    whoActs: whoActsSchema,
    /** The checklist for the stage, in the policy's words. */
    steps: z.array(z.object({ id: idText, text: text(1000) }).strict()).max(30),
    /** How long the stage should take, counted from when it starts; null where the policy sets none. */
    target: z.object({ timescale: timescaleIdSchema }).strict().nullable(),
    forms: z.array(formUseSchema).max(10),
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

export const procedureSchema = z
  .object({
    /** 'liverpool', 'bromley' … for a built-in; a copy has its own. */
    id: idText,
    version: z.number().int().min(1),
    name: text(200),
    partnership: text(200),
    source: z
      .object({
        /** The seed the procedure was written from, e.g. '001'. */
        seed: z.string().trim().max(20),
        document: text(500),
        /** What the seed leaves out and how that was handled. */
        note: z.string().max(2000).optional(),
      })
      .strict(),
    builtIn: z.boolean(),
    /** Where this partnership's timescale differs from the catalogue's default. */
    timescaleOverrides: z.partialRecord(timescaleIdSchema, ruleSchema),
    tracks: z.array(trackSchema).min(1).max(20),
    /** Which track an escalation of each category follows: every category must have one. */
    categoryTracks: z.record(z.enum(escalationCategories), idText),
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
        ctx.addIssue({ code: 'custom', path: ['categoryTracks', category], message: `No track ${trackId} for ${category}.` });
    }
  });
export type Procedure = z.infer<typeof procedureSchema>;

// The overrides are exactly the deadline calculator's type, so they are handed to it as they are;
// this fails to compile if the two ever differ.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _overridesAreTheCalculators: Same<Procedure['timescaleOverrides'], TimescaleOverrides> = true;

export function parseProcedure(value: unknown): Procedure {
  return procedureSchema.parse(value);
}
