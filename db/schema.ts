import type { ColumnType, Generated } from 'kysely';

// Table types for Kysely: the shape of the file as the latest migration leaves it. Migrations
// never import these (they take Kysely<any>), so a later change here cannot rewrite history.

/** A nullable column that may be left out of an insert (it starts as NULL). */
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface SettingsTable {
  id: 1;
  setting_name: string;
  setting_type: 'school' | 'early-years';
  region: 'england-and-wales' | 'scotland' | 'northern-ireland';
  idle_lock_minutes: number;
  recovery_key_confirmed_at: string | null;
  recovery_key_stored_where: string | null;
  created_at: string;
  /** The procedure new escalations follow: a built-in id, or a copy's id (latest version). */
  procedure_id: string | null;
}

export interface ExtraClosuresTable {
  date: string;
  reason: string;
  created_by: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  full_name: string;
  role: 'dsl' | 'deputy' | 'read-only';
  created_at: string;
  disabled_at: string | null;
}

export interface ChildrenTable {
  id: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  class_or_year: string;
  level_of_need: number;
  plan_status: 'none' | 'early-help' | 'child-in-need' | 'child-protection' | 'looked-after';
  social_worker_name: string | null;
  social_worker_contact: string | null;
  created_at: string;
  created_by: string;
  /** First and last names folded for search (shared/children/name-keys.ts), kept up to date on every write. */
  name_key: string;
  /** Surname then first name, folded: the register's order. */
  sort_key: string;
}

export interface AmendmentsTable {
  id: string;
  entity_type: string;
  entity_id: string;
  field: string;
  old_value: string;
  new_value: string;
  reason: string;
  amended_by: string;
  amended_at: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  summary: string;
  prev_hash: string;
  hash: string;
  /** How the row's hash is made: 1 (before migration 0009), 2 (with its own sequence number and digest). */
  chain: ColumnType<number, number | undefined, never>;
  /** A digest the chain covers: a stored document's SHA-256, a seal's MAC. */
  digest: Optional<string>;
}

export interface DocumentsTable {
  id: string;
  child_id: string | null;
  entity_type: string | null;
  entity_id: string | null;
  kind: string;
  title: string;
  file_name: string;
  sha256: string;
  content: Buffer;
  created_by: string;
  created_at: string;
}

export interface ProcedureVersionsTable {
  procedure_id: string;
  version: number;
  name: string;
  /** The Procedure as JSON, validated with its zod schema on the way in and out. */
  definition: string;
  based_on: string | null;
  created_by: string;
  created_at: string;
}

export interface ReferralsTable {
  id: string;
  child_id: string;
  made_at: string;
  method: 'phone' | 'written' | 'portal';
  concern: 'child-protection' | 'child-in-need';
  category: 'standard' | 'immediate-risk' | 'penetrative-sexual-abuse' | 'complex';
  referred_to: string;
  made_by_name: string;
  made_by_role: string;
  summary: string;
  created_at: string;
  created_by: string;
}

export interface ReferralEventsTable {
  id: string;
  referral_id: string;
  kind: string;
  happened_at: string;
  s47_started: number | null;
  /** An ICPC: 1 when it made a child protection plan, 0 when not; NULL: not recorded. */
  child_protection_plan: Optional<number>;
  /** A strategy discussion: 1 when the setting took part, 0 when not; NULL: not recorded. */
  setting_attended: Optional<number>;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface EscalationsTable {
  id: string;
  child_id: string;
  referral_id: string | null;
  missed_milestone: string | null;
  category: string;
  procedure_id: string;
  procedure_version: number;
  /** The procedure as it was when the escalation was opened (JSON): later edits never change it. */
  procedure_snapshot: string;
  track_id: string;
  our_agency: string;
  other_agency_kind: string;
  other_agency_name: string;
  other_professional_name: string;
  other_professional_role: string;
  other_professional_contact: string | null;
  concern: string;
  areas_of_agreement: string;
  areas_of_disagreement: string;
  risk_relevance: string;
  outcome_sought: string;
  immediate_risk: number;
  immediate_referral_made_at: string | null;
  immediate_referral_made_to: string | null;
  status: 'open' | 'resolved' | 'closed-unresolved';
  opened_at: string;
  opened_by: string;
  closed_at: string | null;
  closed_reason: string | null;
  /** When the missed milestone this escalation is about fell due; null for any other. */
  missed_due_at: Optional<string>;
}

export interface EscalationStagesTable {
  id: string;
  escalation_id: string;
  stage_id: string;
  sequence: number;
  started_at: string;
  routing_reason: string | null;
  /** JSON array of the checklist step ids ticked. */
  steps_done: Generated<string>;
  outcome: 'resolved' | 'escalated' | 'closed-unresolved' | null;
  outcome_at: string | null;
  outcome_reason: string | null;
  /** The procedure's skip rule (by id) under which the DSL went straight to this stage; null when reached in order. */
  skip_rule: Optional<string>;
  /** The instant this stage's target is counted from, where not when it started (null: from its start). */
  target_from_at: Optional<string>;
  /** The words that instant is named by in the target's explanation, e.g. 'Strategy discussion fell due'. */
  target_from_label: Optional<string>;
}

export interface StageEntriesTable {
  id: string;
  escalation_id: string;
  stage_record_id: string;
  occurred_at: string;
  method: 'phone' | 'meeting' | 'virtual' | 'email' | 'letter';
  /** JSON array of { name, role, agency }. */
  participants: string;
  summary: string;
  decision: string;
  rationale: string;
  /** JSON array of { name, role, agency }. */
  told_of_outcome: string;
  original_referrer_told: number;
  created_at: string;
  created_by: string;
}

export interface EscalationActionsTable {
  id: string;
  escalation_id: string;
  stage_record_id: string;
  entry_id: string | null;
  description: string;
  owner_name: string;
  owner_role: string;
  due_date: string;
  /** The date it was agreed ('YYYY-MM-DD'), which may be before it was recorded. */
  agreed_on: string;
  done_at: string | null;
  done_note: string | null;
  done_by: string | null;
  /** Why it was recorded as done at a time before the action itself was recorded. */
  done_backdated_reason: Optional<string>;
  created_at: string;
  created_by: string;
  /** Withdrawn: kept, no longer due, with when, why and by whom. */
  withdrawn_at: Optional<string>;
  withdrawn_reason: Optional<string>;
  withdrawn_by: Optional<string>;
}

export interface EscalationResolutionsTable {
  escalation_id: string;
  resolved_at: string;
  outcome_statement: string;
  consequent_actions: string;
  /** JSON array of agency names. */
  agreed_by: string;
  recorded_by: string;
  recorded_at: string;
}

export interface LearningReviewsTable {
  escalation_id: string;
  went_well: string;
  went_badly: string;
  issues_for_partnership: string;
  reported_to_partnership_at: string | null;
  reviewed_by: string;
  reviewed_at: string;
}

/** A partnership form's contents recorded while the escalation is open: one row per escalation, amended when changed. */
export interface EscalationPartnershipTable {
  escalation_id: string;
  /** The agency leading the escalation (chosen: not always the setting). */
  lead_agency: string;
  policy_practice_issues: string;
  current_position: string;
  remaining_issues: string;
  updated_by: string;
  updated_at: string;
}

/** Each time a partnership form was sent to the partnership. */
export interface PartnershipNotificationsTable {
  id: string;
  escalation_id: string;
  /** The form's id ('liverpool-report-to-lscb', 'cscp-escalation-notification'). */
  form: string;
  sent_at: string;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface DraftsTable {
  user_id: string;
  form_key: string;
  /** The form's values as JSON. */
  content: string;
  updated_at: string;
}

export interface BackupSettingsTable {
  id: 1;
  /** The folder backup sets are written to (a USB stick, a network share); null until chosen. */
  folder: string | null;
  /** How many backup sets of this file to keep in that folder. */
  keep: number;
  /** 1: back up on lock or quit and daily while unlocked. */
  automatic: number;
  updated_at: string | null;
  updated_by: string | null;
}

export interface BackupRunsTable {
  id: string;
  started_at: string;
  finished_at: string;
  reason: 'manual' | 'lock' | 'quit' | 'daily';
  folder: string;
  set_name: string | null;
  ok: number;
  message: string | null;
  bytes: number | null;
  /** The audit log's last sequence number in the set: an automatic backup is skipped when nothing has changed since. */
  audit_seq: number | null;
  made_by: string | null;
}

export interface KeyChecksTable {
  id: 1;
  recovery_slot_id: string | null;
  checked_at: string | null;
}

export interface LegalHoldsTable {
  id: string;
  child_id: string;
  reason: string;
  placed_at: string;
  placed_by: string;
  lifted_at: string | null;
  lifted_by: string | null;
  lift_reason: string | null;
}

export interface DisposalInProgressTable {
  child_id: string;
}

/** The setting's own dates for a school year's terms, where entered (else the English default applies). */
export interface TermDatesTable {
  school_year: number;
  term: 'autumn' | 'spring' | 'summer';
  starts_on: string;
  ends_on: string;
  set_by: string;
  set_at: string;
}

/** The data key's generation (the key file keeps its own copy) and a rotation owed but not yet made. */
export interface KeyStateTable {
  id: 1;
  generation: number;
  rotated_at: string | null;
  rotation_due: string | null;
}

/** The list of who may open the file, signed with the seal key (db/access-seal.ts). Append-only. */
export interface AccessSealsTable {
  id: Generated<number>;
  made_at: string;
  made_by: string | null;
  snapshot: string;
  mac: string;
}

/**
 * Every open due item, kept by the services in the same transaction as the write that changes it
 * (migration 0011; electron/core/services/deadlines). Never an explanation: that is worked out when shown.
 */
export interface DeadlinesTable {
  /** The item as the dashboard names it: '<referral id>/<milestone id>', '<escalation id>/stage', an action's id. */
  id: string;
  kind: 'milestone' | 'stage-target' | 'action';
  /** Whose it is, which says which calendar it is counted on. */
  owed_by: 'setting' | 'other-agency' | 'shared' | 'named-person';
  /** 'due': a due instant is owed (due or overdue by the time now); 'no-target': an open stage the procedure sets no target for. */
  state: 'due' | 'no-target';
  due_at: string | null;
  /** due_at in milliseconds since the epoch: the dashboard's ranges. */
  due_ms: number | null;
  child_id: string;
  referral_id: string | null;
  escalation_id: string | null;
  /** The milestone's id within its referral, the stage record's id, or the action's id. */
  record_id: string;
  milestone_key: string | null;
}

/** Which rules the deadlines were worked out under (NULL until they are: at the first unlock after 0011). */
export interface DeadlineUpkeepTable {
  id: 1;
  rules: string | null;
  worked_out_at: string | null;
}

export interface DB {
  settings: SettingsTable;
  extra_closures: ExtraClosuresTable;
  users: UsersTable;
  children: ChildrenTable;
  amendments: AmendmentsTable;
  audit_log: AuditLogTable;
  documents: DocumentsTable;
  procedure_versions: ProcedureVersionsTable;
  referrals: ReferralsTable;
  referral_events: ReferralEventsTable;
  escalations: EscalationsTable;
  escalation_stages: EscalationStagesTable;
  stage_entries: StageEntriesTable;
  escalation_actions: EscalationActionsTable;
  escalation_resolutions: EscalationResolutionsTable;
  learning_reviews: LearningReviewsTable;
  escalation_partnership: EscalationPartnershipTable;
  partnership_notifications: PartnershipNotificationsTable;
  drafts: DraftsTable;
  term_dates: TermDatesTable;
  backup_settings: BackupSettingsTable;
  backup_runs: BackupRunsTable;
  key_checks: KeyChecksTable;
  legal_holds: LegalHoldsTable;
  disposal_in_progress: DisposalInProgressTable;
  key_state: KeyStateTable;
  access_seals: AccessSealsTable;
  deadlines: DeadlinesTable;
  deadline_upkeep: DeadlineUpkeepTable;
}
