import type { MilestoneKey } from '../referrals/milestone-keys';
import { formTitles, type FormAction, type FormId } from './forms';
import type { AgencyKind, Contact, Procedure, RoutingRule, SkipRule, Stage, Track } from './schema';

// Reading a procedure: which track a disagreement follows, the stage after this one for these
// parties (the next in order, unless a routing rule sends them elsewhere, e.g. Birmingham's school
// v school straight from Stage One to Stage Five), who acts at a stage and which forms it calls for.

export interface Parties {
  ourAgency: AgencyKind;
  otherAgency: AgencyKind;
}

function holds(kinds: readonly AgencyKind[] | undefined, kind: AgencyKind): boolean {
  return kinds === undefined || kinds.includes(kind);
}

/** True when both of the rule's conditions hold, with the pair of parties taken either way round. */
function ruleMatches(rule: Pick<RoutingRule, 'when'>, parties: Parties): boolean {
  const { ourAgency, otherAgency } = rule.when;
  return (
    (holds(ourAgency, parties.ourAgency) && holds(otherAgency, parties.otherAgency)) ||
    (holds(ourAgency, parties.otherAgency) && holds(otherAgency, parties.ourAgency))
  );
}

/**
 * The stage after `currentStageId` for these parties, with the routing rule's reason (null when it
 * is simply the next in order); null at the last stage. The first matching rule wins. An id that is
 * not in the track is a programming error (a record pointing at another procedure), so it throws
 * rather than answer "last stage".
 */
export function nextStage(track: Track, currentStageId: string, parties: Parties): { stage: Stage; reason: string | null } | null {
  const index = track.stages.findIndex((stage) => stage.id === currentStageId);
  if (index < 0) throw new Error(`Stage ${currentStageId} is not in track ${track.id}.`);
  for (const rule of track.routing) {
    if (rule.from !== currentStageId || !ruleMatches(rule, parties)) continue;
    const target = track.stages.find((stage) => stage.id === rule.to);
    if (target) return { stage: target, reason: rule.reason };
  }
  const next = track.stages[index + 1];
  return next ? { stage: next, reason: null } : null;
}

export function trackById(procedure: Procedure, trackId: string): Track | null {
  return procedure.tracks.find((track) => track.id === trackId) ?? null;
}

/** The track a disagreement of this category follows under this procedure; null for an unknown category. */
export function trackFor(procedure: Procedure, category: string): Track | null {
  const entry = Object.entries(procedure.categoryTracks).find(([key]) => key === category);
  return entry ? trackById(procedure, entry[1]) : null;
}

/** The category an escalation about a missed statutory timescale is filed under. */
export const MISSED_TIMESCALE_CATEGORY = 'statutory-timescale-missed';

/**
 * The track an escalation about a missed milestone follows under the setting's own procedure: its
 * own track for that milestone where it has one (Berkshire West's steps, for a missed strategy
 * discussion only), else the track it gives a missed statutory timescale (its general ladder).
 */
export function trackForMissed(procedure: Procedure, milestone: MilestoneKey): Track | null {
  const own = procedure.missedTimescaleTracks?.[milestone];
  return (own ? trackById(procedure, own) : null) ?? trackFor(procedure, MISSED_TIMESCALE_CATEGORY);
}

/** The local contacts a stage names, from the procedure's one list of them, in the stage's order. */
export function contactsFor(procedure: Procedure, stage: Stage): Contact[] {
  return (stage.contacts ?? []).flatMap((id) => procedure.contacts.filter((contact) => contact.id === id));
}

/**
 * A name as the policy writes it with its current name beside, where it has changed: 'Liverpool
 * Safeguarding Children Board (LSCB) (now the Liverpool Safeguarding Children Partnership)'. Each
 * renamed name is noted once, at its first appearance.
 */
export function withCurrentNames(procedure: Pick<Procedure, 'renamed'>, text: string): string {
  let result = text;
  for (const { asWritten, now } of procedure.renamed) {
    const at = result.indexOf(asWritten);
    if (at < 0) continue;
    // A name in brackets ('Board (LSCB)'), or followed by its short form in brackets: the note
    // follows the bracket.
    let end = at + asWritten.length;
    if (result[at - 1] === '(' && result[end] === ')') end += 1;
    else end += /^\s*\([^)]*\)/.exec(result.slice(end))?.[0].length ?? 0;
    result = `${result.slice(0, end)} (now ${now})${result.slice(end)}`;
  }
  return result;
}

/** Who acts at this stage for this kind of agency: for the other agency, the person to contact. */
export function whoToContact(stage: Stage, agency: AgencyKind): string {
  return stage.whoActs[agency];
}

interface StageForm {
  form: FormId;
  action: FormAction;
  title: string;
}

/** The forms this stage calls for, with their titles, in the policy's order. */
export function formsFor(stage: Stage): StageForm[] {
  return stage.forms.map((use) => ({ form: use.form, action: use.action, title: formTitles[use.form] }));
}

/** A later stage the DSL may go straight to from here, and the procedure's rules that allow it. */
export interface SkipTarget {
  stage: Stage;
  rules: SkipRule[];
}

/**
 * The stages the DSL may go straight to from `currentStageId` under the track's skip rules, past at
 * least one stage (beyond where escalating in order would go: routing can already pass stages, as
 * Birmingham's school v school does), in ladder order, each with the rules that allow it.
 */
export function skipTargets(track: Track, currentStageId: string, parties: Parties): SkipTarget[] {
  const index = track.stages.findIndex((stage) => stage.id === currentStageId);
  if (index < 0) throw new Error(`Stage ${currentStageId} is not in track ${track.id}.`);
  const next = nextStage(track, currentStageId, parties);
  const nextIndex = next ? track.stages.indexOf(next.stage) : track.stages.length;
  const targets: SkipTarget[] = [];
  track.stages.forEach((stage, at) => {
    if (at <= nextIndex) return;
    const rules = (track.skips ?? []).filter(
      (rule) =>
        rule.from.includes(currentStageId) &&
        rule.to.includes(stage.id) &&
        (rule.parties === undefined || ruleMatches({ when: rule.parties }, parties)),
    );
    if (rules.length > 0) targets.push({ stage, rules });
  });
  return targets;
}

/**
 * The document a procedure is written from, as a screen or a document names it: its publisher, its
 * title and its year ('Northway Primary & Nursery School, Liverpool …: Escalation Guidance Policy
 * 2018 …'), the year added where the title does not already carry it.
 */
export function sourceName(procedure: Pick<Procedure, 'source'>): string {
  const { title, publisher, year } = procedure.source;
  const dated = title.includes(year) ? '' : /^not /i.test(year) ? `, ${year.toLowerCase()}` : ` (${year})`;
  return `${title}${dated}, ${publisher}`;
}
