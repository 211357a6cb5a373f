import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openEncryptedDatabase, type SqliteDatabase } from '../../../db/connection';
import { parseKeySlotFile, writeKeySlotFileAtomic, type KeySlotFile } from '../../../db/keyslots';
import { dataPaths, loadKeySlots, unlockWithPassphrase } from '../../../db/vault';
import { childInput, ok, setUpCore } from '../../../scripts/fixtures/core';

// What an attacker holding one passphrase and the files can do offline, for the tamper tests: open
// the records file with the key her own slot gives her, and rewrite the key file (its checksum is a
// plain SHA-256, so it can be made to match).

export const DEPUTY_PASSPHRASE = 'a deputy walks the long river path';
export const READER_PASSPHRASE = 'the governor reads every termly audit';

/** A set-up folder with a child, a deputy and a read-only person, locked. */
export async function folderWithPeople() {
  const { core, dataDir, clock, recovery } = await setUpCore();
  await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'School safe' });
  const child = await ok(core, 'children.create', childInput);
  const people = await ok(core, 'users.add', {
    fullName: 'Tom Brennan',
    role: 'deputy',
    passphrase: DEPUTY_PASSPHRASE,
    passphraseConfirm: DEPUTY_PASSPHRASE,
  });
  const withReader = await ok(core, 'users.add', {
    fullName: 'Grace Holloway',
    role: 'read-only',
    passphrase: READER_PASSPHRASE,
    passphraseConfirm: READER_PASSPHRASE,
  });
  await ok(core, 'session.lock', {});
  const byName = (name: string) => {
    const person = [...people, ...withReader].find((candidate) => candidate.fullName === name);
    if (!person) throw new Error(`${name} is missing`);
    return person.id;
  };
  return {
    core,
    dataDir,
    clock,
    recovery,
    child,
    dslId: byName('Priya Raman'),
    deputyId: byName('Tom Brennan'),
    readerId: byName('Grace Holloway'),
  };
}

/** The records file opened read-write with the data key `passphrase`'s slot gives (as the attacker would). */
export async function openAs(dataDir: string, passphrase: string): Promise<{ sqlite: SqliteDatabase; dataKey: Buffer }> {
  const opened = await unlockWithPassphrase(dataPaths(dataDir), passphrase);
  if (!opened) throw new Error('That passphrase opens no slot.');
  const sqlite = openEncryptedDatabase(join(dataDir, 'escalation-log.db'), opened.dataKey, { create: false });
  return { sqlite, dataKey: opened.dataKey };
}

/** Runs `change` on the raw records file, with the trigger that would stop it taken away and put back exactly as it was. */
export function withoutTrigger(sqlite: SqliteDatabase, trigger: string, change: () => void): void {
  const row = sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`).get(trigger) as
    { sql: string } | undefined;
  if (!row) throw new Error(`No trigger ${trigger}`);
  sqlite.exec(`DROP TRIGGER ${trigger}`);
  change();
  sqlite.exec(row.sql);
}

/** Rewrites the key file with `change`, its checksum made to match (as anyone can). */
export function rewriteKeyFile(dataDir: string, change: (file: KeySlotFile) => KeySlotFile): void {
  const path = join(dataDir, 'escalation-log.keys.json');
  writeKeySlotFileAtomic(path, change(parseKeySlotFile(readFileSync(path, 'utf8'))));
}

/** Rewrites the key file's raw JSON (for changes its schema would refuse to write), with a matching checksum. */
export function rewriteKeyFileJson(dataDir: string, change: (json: Record<string, unknown>) => void): void {
  const path = join(dataDir, 'escalation-log.keys.json');
  const { checksum: _old, ...body } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  change(body);
  const checksum = createHash('sha256').update(JSON.stringify(body), 'utf8').digest('hex');
  writeFileSync(path, `${JSON.stringify({ ...body, checksum }, null, 2)}\n`);
}

export function currentKeyFile(dataDir: string): KeySlotFile {
  return loadKeySlots(dataPaths(dataDir)).file;
}

/** The audit chain's row hash (chain 2), as an attacker rewriting the log would recompute it. */
export function chain2Hash(row: {
  seq: number;
  prev_hash: string;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  summary: string;
  digest: string | null;
}): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        'chain-2',
        row.seq,
        row.prev_hash,
        row.at,
        row.actor_id,
        row.action,
        row.entity_type,
        row.entity_id,
        row.summary,
        row.digest,
      ]),
      'utf8',
    )
    .digest('hex');
}
