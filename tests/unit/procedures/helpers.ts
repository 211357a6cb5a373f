import { getBuiltInProcedure, trackFor, type Parties, type Procedure, type Stage, type Track } from '../../../shared/procedures';

// Lookups that fail the test loudly instead of returning null or undefined.

export function builtIn(id: string): Procedure {
  const found = getBuiltInProcedure(id);
  if (!found) throw new Error(`no built-in procedure ${id}`);
  return found;
}

export function trackOf(procedure: Procedure, category: string): Track {
  const found = trackFor(procedure, category);
  if (!found) throw new Error(`${procedure.id}: no track for ${category}`);
  return found;
}

export function stageOf(track: Track, id: string): Stage {
  const found = track.stages.find((stage) => stage.id === id);
  if (!found) throw new Error(`${track.id}: no stage ${id}`);
  return found;
}

/** Each stage's forms as 'action form' strings, for exact comparison. */
export function formsByStage(track: Track): string[][] {
  return track.stages.map((stage) => stage.forms.map((use) => `${use.action} ${use.form}`));
}

export const schoolVsSocialCare: Parties = { ourAgency: 'school', otherAgency: 'childrens-social-care' };
