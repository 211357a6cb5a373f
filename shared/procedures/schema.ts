import { z } from 'zod';
import { timescales, type Rule, type TimescaleId } from '../deadlines';
import { agencyKinds } from '../schemas/escalations';
import { escalationCategories } from './categories';
import { formActions, formIds } from './forms';

// The shape of a procedure, as zod schemas. Built-ins are written in this shape and parse with it
// (a test checks); an edited copy is validated with it at the API boundary before it is saved.

export const agencyKindSchema = z.enum(agencyKinds);
export type AgencyKind = z.infer<typeof agencyKindSchema>;

const idText = z.string().trim().min(1).max(100);
const text = (max: number) => z.string().trim().min(1, { message: 'This cannot be empty.' }).max(max);

function isTimescaleId(value: string): value is TimescaleId {
  return Object.hasOwn(timescales, value);
}
const timescaleIds: TimescaleId[] = Object.keys(timescales).filter(isTimescaleId);
const timescaleIdSchema = z.enum(timescaleIds, { message: 'Choose a timescale from the catalogue.' });

const count = z.number().int().min(0);
export const ruleSchema: z.ZodType<Rule> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('working-days'), days: count.max(5000) }).strict(),
  z.object({ kind: z.literal('working-weeks'), weeks: count.max(1000) }).strict(),
  z.object({ kind: z.literal('same-day') }).strict(),
  z.object({ kind: z.literal('hours'), hours: count.max(175_320) }).strict(),
  z.object({ kind: z.literal('months'), months: count.max(240) }).strict(),
]);

/** Who acts at a stage for each kind of agency: every kind must be answered. */
const whoActsSchema = z.record(agencyKindSchema, text(300));

export const stageSchema = z
  .object({
    id: idText,
    label: text(40),
    title: text(200),
    summary: text(2000),
    whoActs: whoActsSchema,
    steps: z.array(z.object({ id: idText, text: text(1000) }).strict()).max(30),
    target: z.object({ timescale: timescaleIdSchema }).strict().nullable(),
    forms: z.array(z.object({ form: z.enum(formIds), action: z.enum(formActions) }).strict()).max(5),
  })
  .strict();
export type Stage = z.infer<typeof stageSchema>;

export const routingRuleSchema = z
  .object({
    id: idText,
    from: idText,
    to: idText,
    /** The rule applies when one party is of the first kinds and the other of the second (either way round). */
    between: z.tuple([z.array(agencyKindSchema).min(1), z.array(agencyKindSchema).min(1)]),
    reason: text(1000),
  })
  .strict();
export type RoutingRule = z.infer<typeof routingRuleSchema>;

export const trackSchema = z
  .object({ id: idText, title: text(200), stages: z.array(stageSchema).min(1).max(30), routing: z.array(routingRuleSchema).max(20) })
  .strict()
  .superRefine((track, ctx) => {
    const ids = track.stages.map((stage) => stage.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index)
        ctx.addIssue({ code: 'custom', path: ['stages', index, 'id'], message: `Stage id ${id} is used twice.` });
    });
    track.stages.forEach((stage, index) => {
      const stepIds = stage.steps.map((step) => step.id);
      if (new Set(stepIds).size !== stepIds.length)
        ctx.addIssue({ code: 'custom', path: ['stages', index, 'steps'], message: 'Each step needs its own id.' });
    });
    track.routing.forEach((rule, index) => {
      const from = ids.indexOf(rule.from);
      const to = ids.indexOf(rule.to);
      if (from < 0) ctx.addIssue({ code: 'custom', path: ['routing', index, 'from'], message: `No stage ${rule.from} in this track.` });
      if (to < 0) ctx.addIssue({ code: 'custom', path: ['routing', index, 'to'], message: `No stage ${rule.to} in this track.` });
      if (from >= 0 && to >= 0 && to <= from)
        ctx.addIssue({ code: 'custom', path: ['routing', index, 'to'], message: 'Routing can only move up the ladder.' });
    });
  });
export type Track = z.infer<typeof trackSchema>;

export const procedureSchema = z
  .object({
    id: idText,
    version: z.number().int().min(1),
    name: text(200),
    partnership: text(200),
    source: z.object({ seed: z.string().max(20), document: text(500), note: z.string().max(2000).optional() }).strict(),
    builtIn: z.boolean(),
    timescaleOverrides: z.partialRecord(timescaleIdSchema, ruleSchema),
    tracks: z.array(trackSchema).min(1).max(20),
    /** Which track each category of disagreement follows: every category must have one. */
    categoryTracks: z.record(z.enum(escalationCategories), idText),
  })
  .strict()
  .superRefine((procedure, ctx) => {
    const trackIds = new Set(procedure.tracks.map((track) => track.id));
    if (trackIds.size !== procedure.tracks.length)
      ctx.addIssue({ code: 'custom', path: ['tracks'], message: 'Each track needs its own id.' });
    for (const category of escalationCategories) {
      if (!trackIds.has(procedure.categoryTracks[category])) {
        ctx.addIssue({
          code: 'custom',
          path: ['categoryTracks', category],
          message: `No track ${procedure.categoryTracks[category]} for ${category}.`,
        });
      }
    }
  });
export type Procedure = z.infer<typeof procedureSchema>;

export function parseProcedure(value: unknown): Procedure {
  return procedureSchema.parse(value);
}
