import type { Generated } from 'kysely';

// Table types for Kysely: the shape of the file as the latest migration leaves it. Migrations
// never import these (they take Kysely<any>), so a later change here cannot rewrite history.

export interface SettingsTable {
  id: 1;
  setting_name: string;
  setting_type: 'school' | 'early-years';
  region: 'england-and-wales' | 'scotland' | 'northern-ireland';
  idle_lock_minutes: number;
  recovery_key_confirmed_at: string | null;
  recovery_key_stored_where: string | null;
  created_at: string;
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

export interface DB {
  settings: SettingsTable;
  extra_closures: ExtraClosuresTable;
  users: UsersTable;
  children: ChildrenTable;
  amendments: AmendmentsTable;
  audit_log: AuditLogTable;
  documents: DocumentsTable;
}
