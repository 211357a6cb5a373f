import type { AgencyKind, Procedure, Stage, Track } from './schema';

// Moving up a ladder: the next stage in order, unless a routing rule of the track sends this pair
// of agencies elsewhere (e.g. Birmingham: school v school goes from stage 1 straight to stage 5).

export interface Parties {
  ourAgency: AgencyKind;
  otherAgency: AgencyKind;
}

function matches(between: readonly [readonly AgencyKind[], readonly AgencyKind[]], parties: Parties): boolean {
  const [first, second] = between;
  return (
    (first.includes(parties.ourAgency) && second.includes(parties.otherAgency)) ||
    (first.includes(parties.otherAgency) && second.includes(parties.ourAgency))
  );
}

/** The stage after `currentStageId` for these parties, with the routing rule's reason; null at the last stage. */
export function nextStage(track: Track, currentStageId: string, parties: Parties): { stage: Stage; reason: string | null } | null {
  const index = track.stages.findIndex((stage) => stage.id === currentStageId);
  if (index < 0) throw new Error(`Stage ${currentStageId} is not in track ${track.id}.`);
  const rule = track.routing.find((candidate) => candidate.from === currentStageId && matches(candidate.between, parties));
  if (rule) {
    const target = track.stages.find((stage) => stage.id === rule.to);
    if (target) return { stage: target, reason: rule.reason };
  }
  const next = track.stages[index + 1];
  return next ? { stage: next, reason: null } : null;
}

export function trackById(procedure: Procedure, trackId: string): Track | null {
  return procedure.tracks.find((track) => track.id === trackId) ?? null;
}

/** The track a disagreement of this category follows under this procedure. */
export function trackFor(procedure: Procedure, category: string): Track | null {
  const entry = Object.entries(procedure.categoryTracks).find(([key]) => key === category);
  return entry ? trackById(procedure, entry[1]) : null;
}

export function whoToContact(stage: Stage, agency: AgencyKind): string {
  return stage.whoActs[agency];
}

/** A deep, independent copy for a setting to edit: never built in, version 1. */
export function copyProcedure(source: Procedure, newId: string, newName: string): Procedure {
  const copy: Procedure = structuredClone(source);
  return {
    ...copy,
    id: newId,
    name: newName,
    builtIn: false,
    version: 1,
    source: { ...copy.source, note: `Copied from ${source.name} (version ${source.version}). ${copy.source.note ?? ''}`.trim() },
  };
}
