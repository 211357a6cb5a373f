// The escalation procedures as data: import from 'shared/procedures', never from its files.
import { berkshireWest } from './berkshire-west';
import { birmingham } from './birmingham';
import { bromley } from './bromley';
import { cscp } from './cscp';
import { liverpool } from './liverpool';
import type { Procedure } from './schema';

export { agencyKindSchema, parseProcedure, procedureSchema, ruleSchema, routingRuleSchema, stageSchema, trackSchema } from './schema';
export type { AgencyKind, Procedure, RoutingRule, Stage, Track } from './schema';
export { categoryDetails, categoryLabel, escalationCategories, isEscalationCategory } from './categories';
export type { EscalationCategory } from './categories';
export { formActionLabels, formActions, formIds, formTitles } from './forms';
export type { FormAction, FormId } from './forms';
export { copyProcedure, nextStage, trackById, trackFor, whoToContact } from './routing';
export type { Parties } from './routing';
export { liverpoolLevelsOfNeed } from './liverpool';

export const builtInProcedures: readonly Procedure[] = [liverpool, bromley, birmingham, cscp, berkshireWest];

export function getBuiltInProcedure(id: string): Procedure | null {
  return builtInProcedures.find((procedure) => procedure.id === id) ?? null;
}
