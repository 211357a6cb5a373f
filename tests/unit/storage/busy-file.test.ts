import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { call, childInput, ok, setUpCore } from '../../../scripts/fixtures/core';
import { openEncryptedDatabase } from '../../../db/connection';
import { openOf } from '../support/open-file';

// Another program writing to the records file (a second copy of the app the folder lock did not
// stop, a sync program): SQLite answers "database is locked", which is said as a busy file with the
// way out, never "Something went wrong"; nothing is saved, and the write works once it lets go.

describe('a records file another program is writing to', () => {
  it('answers busy_file, saves nothing, and works again once the other program lets go', async () => {
    const { core, dataDir } = await setUpCore();
    await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'School safe' });
    const other = openEncryptedDatabase(join(dataDir, 'escalation-log.db'), Buffer.from(openOf(core).dataKey), { create: false });
    other.pragma('busy_timeout = 0');
    openOf(core).sqlite.pragma('busy_timeout = 100');
    other.exec('BEGIN IMMEDIATE');
    const result = await call(core, 'children.create', childInput);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'busy_file', message: expect.stringMatching(/another program is using it/) },
    });
    other.exec('ROLLBACK');
    other.close();
    expect((await ok(core, 'children.list', {})).items).toEqual([]);
    expect(await ok(core, 'children.create', childInput)).toMatchObject({ firstName: 'Zephyrine' });
  });
});
