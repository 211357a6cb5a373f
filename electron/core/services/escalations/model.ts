import { z } from 'zod';
import { dueBy, dueByEndOf, whoseDays, withState, type Deadline } from '../../../../shared/deadlines';
import { agencyKinds } from '../../../../shared/escalations/agency-kinds';
import {
  formTitles,
  parseProcedure,
  trackById,
  type Parties,
  type Procedure,
  type SkipRule,
  type Stage,
  type StageTarget,
  type Track,
} from '../../../../shared/procedures';
import type { EscalationDocumentKind } from '../../../../shared/schemas/documents';
import { partnershipFormKinds, type ActionDeadline } from '../../../../shared/schemas/escalations';
import type { ActionRow } from '../../../../db/queries/escalation-actions';
import type { EscalationRow, StageRecordRow } from '../../../../db/queries/escalations';
import type { DeadlineContext } from '../deadline-context';

// The escalation model: what a stored escalation means under the procedure it was opened with. Its
// procedure comes from its own snapshot (never the setting's current procedure), its stages from the
// track its category followed, its JSON columns are read back through zod schemas, and its deadlines
// (stage targets, agreed actions) come from shared/deadlines. The lifecycle (writes), the presenter
// (view.ts), the timeline and the dashboard all read escalations through here, so they cannot differ.
// Pure: no queries.

// Snapshots are immutable text, and many escalations share one: parse (and validate) each distinct
// snapshot once. Keyed by the text itself, so an edited or newer procedure is never mistaken for it.
const parsedSnapshots = new Map<string, Procedure>();
const MAX_CACHED_SNAPSHOTS = 64;

export function procedureOf(row: Pick<EscalationRow, 'procedure_snapshot'>): Procedure {
  const cached = parsedSnapshots.get(row.procedure_snapshot);
  if (cached) return cached;
  const parsed = parseProcedure(JSON.parse(row.procedure_snapshot));
  if (parsedSnapshots.size >= MAX_CACHED_SNAPSHOTS) parsedSnapshots.clear();
  parsedSnapshots.set(row.procedure_snapshot, parsed);
  return parsed;
}

export function trackOf(procedure: Procedure, row: Pick<EscalationRow, 'track_id'>): Track {
  const track = trackById(procedure, row.track_id);
  if (!track) throw new Error(`Track ${row.track_id} is missing from the procedure snapshot.`);
  return track;
}

export function stageOf(track: Track, stageId: string): Stage {
  const stage = track.stages.find((candidate) => candidate.id === stageId);
  if (!stage) throw new Error(`Stage ${stageId} is missing from track ${track.id}.`);
  return stage;
}

/** The stored agency kinds are plain text in the file: read them back through the one list of kinds. */
const agencyKindSchema = z.enum(agencyKinds);

/** The two sides of the disagreement, which decide who acts at each stage and where routing goes. */
export function partiesOf(row: Pick<EscalationRow, 'our_agency' | 'other_agency_kind'>): Parties {
  return { ourAgency: agencyKindSchema.parse(row.our_agency), otherAgency: agencyKindSchema.parse(row.other_agency_kind) };
}

/** The skip rule a stage record was reached under, from the escalation's own procedure snapshot (null when it was not skipped to). */
export function skipRuleOf(track: Track, record: Pick<StageRecordRow, 'skip_rule'>): SkipRule | null {
  if (!record.skip_rule) return null;
  return (track.skips ?? []).find((rule) => rule.id === record.skip_rule) ?? null;
}

/** The stage record in progress: the last one, while it has no outcome. */
export function currentRecord(records: readonly StageRecordRow[]): StageRecordRow | null {
  const last = records[records.length - 1];
  return last && last.outcome === null ? last : null;
}

// Written by the lifecycle from validated input; read back through these so a record that is not in
// the shape it was written in fails loudly instead of showing fewer people than took part. They check
// the stored shape only: the input rules (full names, lengths) may tighten later without making old
// records unreadable.
const storedPeople = z.array(z.object({ name: z.string(), role: z.string(), agency: z.string().nullable().default(null) }));
const storedStrings = z.array(z.string());

function fromJson<T>(schema: z.ZodType<T>, json: string, column: string): T {
  const parsed = schema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`The stored ${column} is not in the shape it was written in: ${parsed.error.message}`);
  return parsed.data;
}

/** Who took part in a conversation, or was told of its outcome (stage_entries.participants, told_of_outcome). */
export function parsePeople(json: string, column: string): z.output<typeof storedPeople> {
  return fromJson(storedPeople, json, column);
}

/** The checklist step ids ticked at a stage (escalation_stages.steps_done). */
export function parseStepsDone(json: string): string[] {
  return fromJson(storedStrings, json, 'steps done');
}

/** The agencies that agreed the written statement of the outcome (escalation_resolutions.agreed_by). */
export function parseAgreedBy(json: string): string[] {
  return fromJson(storedStrings, json, 'agreed by');
}

/**
 * A stage's target, by the stage's own rule in the escalation's procedure, counted from the instant
 * recorded with the stage (targetStart, when it was reached) or else from when it started; met when
 * the stage ended. A stage both agencies work at is counted in the working days they share: the
 * setting's closure days never move it. `procedure` is kept for the callers' symmetry with the rest.
 */
export function stageTarget(_procedure: Procedure, stage: Stage, record: StageRecordRow, deadlines: DeadlineContext): Deadline | null {
  if (!stage.target) return null;
  const days = whoseDays('shared', deadlines.calendar);
  const due = dueBy(record.target_from_at ?? record.started_at, stage.target.rule, days.calendar, {
    eventLabel: record.target_from_label ?? 'Stage started',
    calendarLabel: days.label,
  });
  return withState(due, record.outcome_at, deadlines.now);
}

/** What a stage's target is counted from, when that is not the stage's own start. */
export interface TargetStart {
  at: string;
  /** The explanation's first words, e.g. 'Strategy discussion fell due'. */
  label: string;
}

/**
 * Where a stage reached now has its target counted from, to be kept with the stage record:
 * - 'stage-start': its own start (nothing to keep);
 * - 'escalation-start': when the disagreement was first raised (Birmingham's week for the whole of it);
 * - 'timescale-missed': when the missed milestone fell due (Berkshire West's "after 48 hours of no
 *   strategy discussion"), or its own start for an escalation not opened from a missed milestone;
 * - 'previous-target': when the stage before's target fell due, which is when this stage fell due
 *   (Berkshire West's step 3, 48 hours after step 2 was due), or its own start for a first stage.
 */
export function targetStart(
  stage: Pick<Stage, 'label'>,
  target: StageTarget | null,
  known: { openedAt: string; missed: TargetStart | null; previousTargetDueAt: string | null },
): TargetStart | null {
  switch (target?.from ?? 'stage-start') {
    case 'stage-start':
      return null;
    case 'escalation-start':
      return { at: known.openedAt, label: 'Disagreement first raised' };
    case 'timescale-missed':
      return known.missed;
    case 'previous-target':
      return known.previousTargetDueAt === null ? null : { at: known.previousTargetDueAt, label: `${stage.label} fell due` };
  }
}

/**
 * An agreed action is due by the end of its agreed date; met when it was done by then (however long
 * after it was done it was recorded). A withdrawn action is no longer owed: `not-required`, so it is
 * neither overdue nor counted as met or missed.
 */
export function actionDeadline(action: Pick<ActionRow, 'due_date' | 'done_at' | 'withdrawn_at'>, now: string): ActionDeadline {
  const due = dueByEndOf(action.due_date);
  if (action.withdrawn_at !== null && action.done_at === null) return { ...due, state: 'not-required' };
  return withState(due, action.done_at, now);
}

/**
 * Which documents can be made now: the written concern while the escalation is open, the written
 * statement of the outcome once resolved, and a partnership form once a stage that calls for it is reached.
 */
export function availableDocuments(
  row: Pick<EscalationRow, 'status'>,
  track: Track,
  records: readonly StageRecordRow[],
): { kind: EscalationDocumentKind; title: string }[] {
  const available: { kind: EscalationDocumentKind; title: string }[] = [];
  if (row.status === 'open') available.push({ kind: 'written-concern', title: formTitles['written-concern'] });
  if (row.status === 'resolved')
    available.push({ kind: 'written-statement-of-outcome', title: formTitles['written-statement-of-outcome'] });
  for (const form of partnershipFormsOf(track, records)) {
    if (form.reached) available.push({ kind: form.form, title: formTitles[form.form] });
  }
  return available;
}

/**
 * The partnership forms the track calls for, each with the first stage that calls for it and whether
 * a stage that calls for it has been reached (only then can it be made or recorded as sent).
 */
export function partnershipFormsOf(
  track: Track,
  records: readonly Pick<StageRecordRow, 'stage_id'>[],
): { form: (typeof partnershipFormKinds)[number]; firstStage: Stage; reached: boolean }[] {
  const reached = new Set(records.map((record) => record.stage_id));
  return partnershipFormKinds.flatMap((form) => {
    const stages = track.stages.filter((stage) => stage.forms.some((use) => use.form === form));
    const firstStage = stages[0];
    return firstStage ? [{ form, firstStage, reached: stages.some((stage) => reached.has(stage.id)) }] : [];
  });
}
