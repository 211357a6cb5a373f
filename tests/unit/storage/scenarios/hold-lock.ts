// Takes a data folder's lock and holds it until killed (for folder-lock.test.ts). Prints HELD or REFUSED.
import { acquireDataFolderLock, FolderInUseError } from '../../../../electron/hosting/data-lock';

const [dir, app] = process.argv.slice(2);
if (!dir) throw new Error('usage: hold-lock.ts <dir> [app]');
try {
  const lock = acquireDataFolderLock(dir, app === 'browser' ? 'browser' : 'test');
  process.stdout.write(`HELD ${lock.tookOverStale ? 'stale' : 'fresh'}\n`);
  setInterval(() => undefined, 60_000);
} catch (error) {
  if (!(error instanceof FolderInUseError)) throw error;
  process.stdout.write('REFUSED\n');
  process.exit(3);
}
