import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dispatcher } from '../../../electron/core/dispatcher';
import type { ApiInput } from '../../../shared/api';
import type { Role } from '../../../shared/people/roles';
import { childInput, makeCore, ok, PASSPHRASE, setupInput, tempDataDir, TestClock } from '../../../scripts/fixtures/core';

// A small world for the security tests: a data folder with a DSL, a deputy and a read-only
// person, a child with a referral, an escalation with a conversation, an action and a document, a
// closure day, a draft and a backup set. It is made once and copied for each test that changes
// it, so every call starts from the same records; the ids are what valid inputs point at.

export const DEPUTY_PASSPHRASE = 'tulip gravel orbit lantern';
export const READ_ONLY_PASSPHRASE = 'harbour pebble quiet meadow';

export const passphraseOf: Record<Role, string> = {
  dsl: PASSPHRASE,
  deputy: DEPUTY_PASSPHRASE,
  'read-only': READ_ONLY_PASSPHRASE,
};

export interface World {
  /** The template folder: copy it, never open it. */
  dataDir: string;
  backupFolder: string;
  backupSet: string;
  recoveryKey: string;
  childId: string;
  referralId: string;
  escalationId: string;
  entryId: string;
  actionId: string;
  documentId: string;
  deputyId: string;
  readOnlyId: string;
  closureDate: string;
  stageId: string;
  stepId: string;
  procedure: ApiInput<'procedures.save'>['procedure'];
}

const openedAt = '2026-11-20T08:30:00.000+00:00';

export function escalationInput(childId: string): ApiInput<'escalations.open'> {
  return {
    childId,
    category: 'threshold-disagreement',
    immediateRisk: false,
    otherAgencyKind: 'childrens-social-care',
    otherAgencyName: 'Children’s Social Care Team 3',
    otherProfessional: { name: 'Grace Adeyemi', role: 'Social worker', contact: '0151 233 3700' },
    concern: 'The strategy discussion has not been held.',
    areasOfAgreement: 'The child needs support.',
    areasOfDisagreement: 'Whether the threshold for section 47 is met.',
    riskRelevance: 'Without a strategy discussion the risk at home is not assessed.',
    outcomeSought: 'A strategy discussion this week.',
    openedAt,
  };
}

export function entryInput(escalationId: string): ApiInput<'escalations.recordEntry'> {
  return {
    escalationId,
    occurredAt: '2026-11-20T09:00:00.000+00:00',
    method: 'phone',
    participants: [{ name: 'Priya Raman', role: 'Designated Safeguarding Lead', agency: 'Northway Primary' }],
    summary: 'Discussed the threshold.',
    decision: 'No agreement yet.',
    rationale: 'The team manager is away until Monday.',
    toldOfOutcome: [],
    originalReferrerTold: false,
  };
}

let made: Promise<World> | null = null;

/** The world, made once per test file. */
export function world(): Promise<World> {
  made ??= makeWorld();
  return made;
}

async function makeWorld(): Promise<World> {
  const dataDir = tempDataDir('world');
  const core = makeCore(dataDir, new TestClock());
  const recovery = await ok(core, 'session.setup', setupInput);
  await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'School safe' });
  await ok(core, 'procedures.choose', { id: 'bromley' });
  const people = await ok(core, 'users.add', {
    fullName: 'Sam Ellis',
    role: 'deputy',
    passphrase: DEPUTY_PASSPHRASE,
    passphraseConfirm: DEPUTY_PASSPHRASE,
  });
  const withReader = await ok(core, 'users.add', {
    fullName: 'Ruth Okoye',
    role: 'read-only',
    passphrase: READ_ONLY_PASSPHRASE,
    passphraseConfirm: READ_ONLY_PASSPHRASE,
  });
  const child = await ok(core, 'children.create', childInput);
  const referral = await ok(core, 'referrals.create', {
    childId: child.id,
    madeAt: '2026-11-19T10:00:00.000+00:00',
    method: 'phone',
    concern: 'child-protection',
    category: 'standard',
    referredTo: 'Liverpool Careline',
    madeByName: 'Priya Raman',
    madeByRole: 'Designated Safeguarding Lead',
    summary: 'Bruising seen on the arm; the child said her stepfather grabbed her.',
  });
  const escalation = await ok(core, 'escalations.open', escalationInput(child.id));
  const withEntry = await ok(core, 'escalations.recordEntry', entryInput(escalation.id));
  const entryId = withEntry.entries[0]?.id;
  const withAction = await ok(core, 'escalations.addAction', {
    escalationId: escalation.id,
    description: 'Ask the team manager for a strategy discussion date.',
    ownerName: 'Priya Raman',
    ownerRole: 'Designated Safeguarding Lead',
    dueDate: '2026-11-27',
  });
  const actionId = withAction.actions[0]?.id;
  const stage = withAction.current;
  const document = await ok(core, 'documents.forEscalation', { escalationId: escalation.id, kind: 'written-concern' });
  await ok(core, 'settings.addClosure', { date: '2026-12-18', reason: 'INSET day' });
  await ok(core, 'drafts.save', { formKey: 'child-new', content: { firstName: 'Zeph' } });
  const copy = await ok(core, 'procedures.copy', { fromId: 'bromley', name: 'Bromley (our copy)' });
  const backupFolder = mkdtempSync(join(tmpdir(), 'escalation-log-world-backups-'));
  await ok(core, 'backups.updateSettings', { folder: backupFolder, keep: 5, automatic: false });
  const backup = await ok(core, 'backups.run', {});
  await ok(core, 'session.lock', {});

  const deputyId = people.find((person) => person.role === 'deputy')?.id;
  const readOnlyId = withReader.find((person) => person.role === 'read-only')?.id;
  const stepId = stage?.steps[0]?.id;
  if (!entryId || !actionId || !stage || !stepId || !deputyId || !readOnlyId || !backup.setName) {
    throw new Error('The security world is missing a record it needs.');
  }
  return {
    dataDir,
    backupFolder,
    backupSet: backup.setName,
    recoveryKey: recovery.recoveryKey,
    childId: child.id,
    referralId: referral.id,
    escalationId: escalation.id,
    entryId,
    actionId,
    documentId: document.id,
    deputyId,
    readOnlyId,
    closureDate: '2026-12-18',
    stageId: stage.stageId,
    stepId,
    procedure: copy,
  };
}

/** A copy of the world's folder, opened as `role` (or left locked). */
export async function openCopy(from: World, as: Role | 'locked'): Promise<{ core: Dispatcher; dataDir: string; clock: TestClock }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'escalation-log-world-copy-'));
  cpSync(from.dataDir, dataDir, { recursive: true });
  const clock = new TestClock();
  const core = makeCore(dataDir, clock);
  if (as !== 'locked') await ok(core, 'session.unlock', { passphrase: passphraseOf[as] });
  return { core, dataDir, clock };
}
