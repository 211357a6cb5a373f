import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FONTS_DIR, ok, PASSPHRASE, setUpCore, tempDataDir, makeCore } from '../../../scripts/fixtures/core';
import { createKysely, openEncryptedReadOnly } from '../../../db/connection';
import { verifyAuditChain } from '../../../db/queries/audit-log';
import { auditHead, integrityCheck } from '../../../db/queries/integrity';
import { listSets, readManifest, verifySetFiles } from '../../../db/backup-set';
import { dataPaths, loadKeySlots, unlockWithPassphrase } from '../../../db/vault';
import { killedLives, seededRandom } from '../support/killed-lives';
import { present } from '../support/open-file';

// Crash safety: a real process (scenarios/crash-child.ts) writes, backs up, or restores, and is
// killed with SIGKILL at a random moment, at least 200 times in all. After every kill the live file
// must open, pass integrity_check and the audit chain, and hold every write that was acknowledged;
// every complete backup set must verify; a restore killed half-way leaves the old live file, or,
// past its commit point, the whole restored set (never a mix).

const KILLS_PER_LANE = Number(process.env.CRASH_KILLS_PER_LANE ?? 104); // two lanes run side by side: 208 kills
const FRESH_FOLDER_EVERY = 26; // bounded file size, so the checks stay quick
const { live } = killedLives('tests/unit/backups/scenarios/crash-child.ts', { giveUpAfterMs: 5_000 });

interface Expected {
  names: Set<string>;
  amended: Set<string>;
}

/** The live file's state, read with the key: every check the test makes. */
async function inspect(dataDir: string): Promise<{ names: Map<string, string>; head: { seq: number; hash: string } }> {
  // Through the app first: it must unlock (no damaged_file), as the DSL would.
  const core = makeCore(dataDir);
  await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
  await ok(core, 'session.lock', {});
  const opened = await unlockWithPassphrase(dataPaths(dataDir), PASSPHRASE, loadKeySlots(dataPaths(dataDir)));
  if (!opened) throw new Error('The passphrase no longer opens the key file.');
  const sqlite = openEncryptedReadOnly(join(dataDir, 'escalation-log.db'), opened.dataKey);
  const db = createKysely(sqlite);
  try {
    expect(integrityCheck(sqlite)).toEqual([]);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
    const rows = sqlite.prepare('SELECT first_name, class_or_year FROM children').all() as { first_name: string; class_or_year: string }[];
    return { names: new Map(rows.map((row) => [row.first_name, row.class_or_year])), head: auditHead(sqlite) };
  } finally {
    await db.destroy();
  }
}

function checkHolds(found: Map<string, string>, expected: Expected, context: string): void {
  for (const name of expected.names) expect(found.has(name), `${context}: acknowledged ${name} is missing`).toBe(true);
  for (const name of expected.amended) expect(found.get(name), `${context}: acknowledged amendment of ${name} is missing`).toBe('Year 5');
}

async function freshFolder() {
  const { core, dataDir } = await setUpCore();
  await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'School safe' });
  const backupFolder = tempDataDir('crash-backups');
  await ok(core, 'backups.updateSettings', { folder: backupFolder, keep: 4, automatic: false });
  await ok(core, 'session.lock', {});
  return { dataDir, backupFolder };
}

async function lane(seed: number): Promise<{ kills: Record<string, number>; restoresFinished: number; restoresLeftOld: number }> {
  const next = seededRandom(seed);
  const kills: Record<string, number> = { write: 0, backup: 0, restore: 0 };
  let restoresFinished = 0;
  let restoresLeftOld = 0;
  let folder = await freshFolder();
  let expected: Expected = { names: new Set(), amended: new Set() };
  for (let kill = 0; kill < KILLS_PER_LANE; kill += 1) {
    if (kill > 0 && kill % FRESH_FOLDER_EVERY === 0) {
      folder = await freshFolder();
      expected = { names: new Set(), amended: new Set() };
    }
    const sets = listSets(folder.backupFolder).filter((set) => set.manifest);
    const roll = next();
    const mode = roll < 0.45 ? 'write' : roll < 0.8 || sets.length === 0 ? 'backup' : 'restore';
    const context = `lane ${seed}, kill ${kill} (${mode})`;
    const orders = {
      dataDir: folder.dataDir,
      fontsDir: FONTS_DIR,
      mode,
      prefix: `L${seed}k${kill}x`,
      passphrase: PASSPHRASE,
      backupFolder: folder.backupFolder,
      restoreSet: sets.length > 0 ? present(sets[Math.floor(next() * sets.length)], 'a set').name : undefined,
    };
    const before = mode === 'restore' ? await inspect(folder.dataDir) : null;
    const restoreSet = orders.restoreSet ? readManifest(join(folder.backupFolder, orders.restoreSet)) : null;
    const t0 = Date.now();
    const life = await live(orders, mode === 'restore' ? Math.floor(next() * 120) : 20 + Math.floor(next() * 260));
    kills[mode] = (kills[mode] ?? 0) + 1;
    for (const line of life.lines) {
      if (line.startsWith('ACK ')) expected.names.add(line.slice(4));
      if (line.startsWith('ACK-AMEND ')) expected.amended.add(line.slice(10));
    }
    const t1 = Date.now();
    const after = await inspect(folder.dataDir);
    if (process.env.CRASH_TIMING) console.log(mode, 'life', t1 - t0, 'killed after', life.killedAfterMs, 'inspect', Date.now() - t1);
    if (mode === 'restore' && before && restoreSet) {
      // The set is an ancestor of the live file, so they are told apart by where the log ends: the
      // restored file ends at the set's last entry plus at most three (its own "restored" entry, and
      // this test's unlock and lock in inspect()); the old one runs on past everything seen before.
      const restored =
        after.head.seq >= restoreSet.auditHead.seq &&
        after.head.seq <= restoreSet.auditHead.seq + 3 &&
        after.names.size === restoreSet.rowCounts.children;
      const unchanged =
        after.head.seq > before.head.seq &&
        [...before.names.keys()].every((name) => after.names.has(name)) &&
        after.names.size === before.names.size;
      expect(
        restored || unchanged,
        `${context}: the live file is neither the old one nor the restored set: ${JSON.stringify({ before: [before.head.seq, before.names.size], after: [after.head.seq, after.names.size], set: [restoreSet.auditHead.seq, restoreSet.rowCounts.children], lines: life.lines })}`,
      ).toBe(true);
      if (unchanged && !restored) {
        restoresLeftOld += 1;
        checkHolds(after.names, expected, context);
      } else {
        restoresFinished += 1;
        // The records are now the set's: what must survive from here on is what it holds.
        expected = {
          names: new Set(after.names.keys()),
          amended: new Set([...after.names].filter(([, year]) => year === 'Year 5').map(([name]) => name)),
        };
      }
      expect(readdirSync(folder.dataDir).filter((name) => name.endsWith('.restoring') || name === 'escalation-log.restore.json')).toEqual(
        [],
      );
    } else {
      checkHolds(after.names, expected, context);
    }
    // Every complete set verifies; a killed backup leaves at most a hidden partial folder.
    for (const set of listSets(folder.backupFolder)) {
      expect(set.problem, `${context}: set ${set.name}`).toBeNull();
      verifySetFiles(set.path, present(set.manifest, 'its manifest'));
    }
  }
  return { kills, restoresFinished, restoresLeftOld };
}

describe('killed at random moments (SIGKILL) while writing, backing up and restoring', () => {
  it('the live file always opens whole with every acknowledged write; a restore is all or nothing', async () => {
    const started = Date.now();
    const results = await Promise.all([lane(11), lane(29)]);
    const total = results.reduce(
      (sum, result) => sum + (result.kills.write ?? 0) + (result.kills.backup ?? 0) + (result.kills.restore ?? 0),
      0,
    );
    console.log(
      `crash test: ${total} kills in ${Math.round((Date.now() - started) / 1000)} s`,
      JSON.stringify(
        results.map((result) => ({ ...result.kills, restoresFinished: result.restoresFinished, restoresLeftOld: result.restoresLeftOld })),
      ),
    );
    expect(total).toBeGreaterThanOrEqual(200);
    for (const result of results) {
      expect(result.kills.write).toBeGreaterThan(20);
      expect(result.kills.backup).toBeGreaterThan(20);
      expect(result.kills.restore).toBeGreaterThan(5);
    }
    // Kills landed both before and after a restore's commit point.
    expect(results.reduce((sum, result) => sum + result.restoresFinished, 0)).toBeGreaterThan(0);
    expect(results.reduce((sum, result) => sum + result.restoresLeftOld, 0)).toBeGreaterThan(0);
  }, 480_000);
});
