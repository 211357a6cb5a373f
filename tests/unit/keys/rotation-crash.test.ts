import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { call, FONTS_DIR, ok, PASSPHRASE, setUpCore, makeCore } from '../../../scripts/fixtures/core';
import { parseKeySlotFile } from '../../../db/keyslots';
import { readFileSync } from 'node:fs';
import { verifyAuditChain } from '../../../db/queries/audit-log';
import { getKeyState } from '../../../db/queries/key-state';
import { integrityCheck } from '../../../db/queries/integrity';
import { killedLives, seededRandom } from '../support/killed-lives';
import { openOf } from '../support/open-file';

// Replacing the records' key, killed with SIGKILL at random moments: a real process
// (scenarios/rotation-child.ts) rotates over and over (on demand, and by removing a person), and is
// killed. After every kill the records must open, with the old key generation or the new one, never
// neither: the generation is the last acknowledged or one more (a rotation whose answer was cut off),
// the records file and the key file agree on it once settled, integrity_check and the audit chain
// pass, nothing is flagged as tampering, and a removed person's passphrase (acknowledged) opens nothing.

const KILLS = Number(process.env.ROTATION_KILLS ?? 36);
const FRESH_FOLDER_EVERY = 12;
const { live } = killedLives('tests/unit/keys/scenarios/rotation-child.ts', { giveUpAfterMs: 6_000 });

async function freshFolder(): Promise<string> {
  const { core, dataDir } = await setUpCore();
  await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'School safe' });
  await ok(core, 'session.lock', {});
  return dataDir;
}

describe('replacing the key, killed at random moments (SIGKILL)', () => {
  it('always leaves records that open with the old or the new key generation, never neither', async () => {
    const next = seededRandom(20261201);
    const started = Date.now();
    let dataDir = await freshFolder();
    let acknowledged = 1;
    let removed: string[] = [];
    const outcomes = { same: 0, newer: 0, settledFiles: 0 };
    for (let kill = 0; kill < KILLS; kill += 1) {
      if (kill > 0 && kill % FRESH_FOLDER_EVERY === 0) {
        dataDir = await freshFolder();
        acknowledged = 1;
        removed = [];
      }
      const context = `kill ${kill}`;
      const leftBehind = existsSync(join(dataDir, 'escalation-log.keys.next.json'));
      const { lines } = await live({ dataDir, fontsDir: FONTS_DIR, passphrase: PASSPHRASE, prefix: `k${kill}` }, Math.floor(next() * 900));
      for (const line of lines) {
        if (line.startsWith('GEN ')) acknowledged = Number(line.slice(4));
        if (line.startsWith('REMOVED ')) removed.push(line.slice(8));
      }
      if (leftBehind || existsSync(join(dataDir, 'escalation-log.keys.next.json'))) outcomes.settledFiles += 1;

      // Through the app, as the DSL would: it must unlock, and say nothing about tampering.
      const core = makeCore(dataDir);
      const status = await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
      expect(JSON.stringify(status), `${context}: flagged as tampering`).not.toMatch(/changed outside Escalation Log/);
      const open = openOf(core);
      const generation = (await getKeyState(open.db)).generation;
      expect([acknowledged, acknowledged + 1], `${context}: key generation ${generation}, acknowledged ${acknowledged}`).toContain(
        generation,
      );
      if (generation === acknowledged) outcomes.same += 1;
      else outcomes.newer += 1;
      acknowledged = generation;
      // Settled: the key file and the records file agree, and nothing of the rotation is left behind.
      const keyFile = parseKeySlotFile(readFileSync(join(dataDir, 'escalation-log.keys.json'), 'utf8'));
      expect(keyFile.generation, context).toBe(generation);
      expect(
        readdirSync(dataDir).filter((name) => /rotating|keys\.next|\.tmp$/.test(name)),
        context,
      ).toEqual([]);
      expect(integrityCheck(open.sqlite), context).toEqual([]);
      expect(await verifyAuditChain(open.db), context).toMatchObject({ intact: true });
      await ok(core, 'session.lock', {});
      // A person whose removal was acknowledged is out, whichever generation the records are at.
      for (const passphrase of removed.slice(-2)) {
        const attempt = await call(makeCore(dataDir), 'session.unlock', { passphrase });
        expect(attempt.ok, `${context}: a removed person's passphrase still opens the records`).toBe(false);
      }
    }
    console.log(`rotation crash test: ${KILLS} kills in ${Math.round((Date.now() - started) / 1000)} s`, JSON.stringify(outcomes));
    // Kills landed both before a rotation took effect and after.
    expect(outcomes.newer).toBeGreaterThan(0);
  }, 600_000);
});
