import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childInput, makeCore, ok, PASSPHRASE, setUpCore, tempDataDir } from '../../../scripts/fixtures/core';

// When an acknowledged write reaches the records file itself (issue 12): the answer goes back as soon
// as the write is durable in the write-ahead log (synchronous=FULL), and the log is folded into the
// records file straight after — before the core runs anything else. So a folder whose -wal file is
// then lost still holds every record acknowledged before the call in hand. Seen here by copying the
// records file alone (its -wal left behind, as a deleted or damaged -wal would be) and opening it.

const KEYS = ['escalation-log.keys.json', 'escalation-log.keys.previous.json'];

/** The first names of the children in a copy of the folder made without its -wal file. */
async function namesWithoutTheWal(dataDir: string): Promise<string[]> {
  const copy = tempDataDir('no-wal');
  for (const name of ['escalation-log.db', ...KEYS]) {
    if (existsSync(join(dataDir, name))) copyFileSync(join(dataDir, name), join(copy, name));
  }
  const core = makeCore(copy);
  await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
  const names = (await ok(core, 'children.list', { limit: 200 })).items.map((child) => child.firstName);
  await ok(core, 'session.lock', {});
  return names;
}

describe('an acknowledged write and the -wal file', () => {
  it('is folded into the records file straight after its answer, and before the next call runs', async () => {
    const { core, dataDir } = await setUpCore();
    await ok(core, 'children.create', { ...childInput, firstName: 'Foldedfirst' });
    await core.settled();
    expect(await namesWithoutTheWal(dataDir)).toContain('Foldedfirst');

    // Answered before the fold: the DSL does not wait for the second flush …
    await ok(core, 'children.create', { ...childInput, firstName: 'Foldedsecond' });
    expect(await namesWithoutTheWal(dataDir)).not.toContain('Foldedsecond');
    // … which is made before anything else: the next call (a read here) starts only after it.
    await ok(core, 'children.list', {});
    expect(await namesWithoutTheWal(dataDir)).toContain('Foldedsecond');

    // And, whatever is asked next, as soon as the core has nothing else to do.
    await ok(core, 'children.create', { ...childInput, firstName: 'Foldedthird' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await namesWithoutTheWal(dataDir)).toContain('Foldedthird');
    await ok(core, 'session.lock', {});
  });
});
