import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_referrals_and_escalations';
import * as m0003 from './0003_drafts';
import * as m0004 from './0004_backups_and_retention';
import * as m0005 from './0005_term_dates';
import * as m0006 from './0006_children_keys_actions_and_skips';
import * as m0007 from './0007_termly_audit_indexes';
import * as m0008 from './0008_partnership_rules_and_forms';
import * as m0009 from './0009_keys_seal_and_audit_chain';
import * as m0010 from './0010_list_paging_indexes';
import * as m0011 from './0011_deadlines';

// The static list of migrations, in order. A packaged app can't read a directory of migration
// files, and a static list means the bundle carries exactly the migrations this version knows.
// Never edit or reorder a released entry; only append.
export const migrations: Readonly<Record<string, Migration>> = {
  '0001_initial': m0001,
  '0002_referrals_and_escalations': m0002,
  '0003_drafts': m0003,
  '0004_backups_and_retention': m0004,
  '0005_term_dates': m0005,
  '0006_children_keys_actions_and_skips': m0006,
  '0007_termly_audit_indexes': m0007,
  '0008_partnership_rules_and_forms': m0008,
  '0009_keys_seal_and_audit_chain': m0009,
  '0010_list_paging_indexes': m0010,
  '0011_deadlines': m0011,
};
