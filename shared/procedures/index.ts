// The escalation procedures as data: import from 'shared/procedures', never from its files.
import { berkshireWest } from './berkshire-west';
import { birmingham } from './birmingham';
import { bromley } from './bromley';
import { cscp } from './cscp';
import { liverpool } from './liverpool';
import type { Procedure } from './schema';

export {
  agencyKindSchema,
  parseProcedure,
  procedureSchema,
  routingRuleSchema,
  ruleSchema,
  stageSchema,
  timescaleIdSchema,
  trackSchema,
} from './schema';
export type { AgencyKind, FormUse, Procedure, RoutingRule, Stage, StageStep, Track } from './schema';
export { categoryDetails, categoryLabel, escalationCategories, isEscalationCategory } from './categories';
export type { EscalationCategory } from './categories';
export { formActionLabels, formActions, formIds, formTitles } from './forms';
export type { FormAction, FormId } from './forms';
export { formsFor, nextStage, ruleMatches, trackById, trackFor, whoToContact } from './routing';
export type { Parties, StageForm } from './routing';
export { copyProcedure } from './copy';
export { timescaleIds } from '../deadlines/timescales';
export { liverpoolLevelsOfNeed, liverpoolSituations } from './liverpool';

/** The five built-ins, in the order DESIGN.md lists them (the settings screen shows them so). */
export const builtInProcedures: readonly Procedure[] = Object.freeze([liverpool, bromley, birmingham, cscp, berkshireWest]);

/** A built-in by id (frozen: copy it with copyProcedure to edit), or null. */
export function getBuiltInProcedure(id: string): Procedure | null {
  return builtInProcedures.find((procedure) => procedure.id === id) ?? null;
}
