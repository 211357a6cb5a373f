// The escalation procedures as data: import from 'shared/procedures', never from its files.
import { berkshireWest } from './berkshire-west';
import { birmingham } from './birmingham';
import { bromley } from './bromley';
import { cscp } from './cscp';
import { liverpool } from './liverpool';
import type { Procedure } from './schema';

export { procedureSchema, ruleSchema, targetStarts } from './schema';
export { parseProcedure } from './stored';
export type {
  AgencyKind,
  Contact,
  LocalTimescale,
  LocalTimescales,
  Procedure,
  Renamed,
  SkipRule,
  Stage,
  StageTarget,
  TargetStart,
  Track,
} from './schema';
export { categoryDetails, categoryLabel, escalationCategories } from './categories';
export { formActionLabels, formTitles } from './forms';
export {
  MISSED_TIMESCALE_CATEGORY,
  contactsFor,
  formsFor,
  nextStage,
  skipTargets,
  sourceName,
  trackById,
  trackFor,
  trackForMissed,
  whoToContact,
  withCurrentNames,
} from './routing';
export type { Parties, SkipTarget } from './routing';
export { copyProcedure } from './copy';
export { liverpoolLevelsOfNeed, liverpoolSituations } from './liverpool';

/** The five built-ins, in the order DESIGN.md lists them (the settings screen shows them so). */
export const builtInProcedures: readonly Procedure[] = Object.freeze([liverpool, bromley, birmingham, cscp, berkshireWest]);

/** A built-in by id (frozen: copy it with copyProcedure to edit), or null. */
export function getBuiltInProcedure(id: string): Procedure | null {
  return builtInProcedures.find((procedure) => procedure.id === id) ?? null;
}
