import { statfsSync, type StatsFs } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve, win32 } from 'node:path';

// Where the data folder is. The same place in the desktop app and browser mode, so both open the
// same file. Overridable with --data-dir or ESCALATION_LOG_DATA (tests use a folder per test).
// On Windows it is in the local profile (%LOCALAPPDATA%), never the roaming one: folder redirection
// and roaming profiles put %APPDATA% on a network share, and SQLite's write-ahead log, its locks and
// the key file's atomic replace are not safe there (another PC can hold a stale copy; a dropped
// connection can tear a write). For the same reason a network folder is refused, with the reason.

const APP_FOLDER_NAME = 'Escalation Log';

export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return win32.join(env.LOCALAPPDATA ?? win32.join(homedir(), 'AppData', 'Local'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER_NAME);
}

/** `--data-dir <dir>` or `--data-dir=<dir>` on the command line, then ESCALATION_LOG_DATA, then the default. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: () => string): string {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--data-dir' && argv[i + 1]) return argv[i + 1] ?? fallback();
    if (arg?.startsWith('--data-dir=')) return arg.slice('--data-dir='.length);
  }
  if (env.ESCALATION_LOG_DATA) return env.ESCALATION_LOG_DATA;
  return fallback();
}

/**
 * Filesystem types (statfs f_type, Linux) that live on another computer: NFS, SMB/CIFS (the old
 * and new kernel clients), AFS, Coda, NCP, 9P, Ceph. (One mounted through FUSE, such as sshfs, can't
 * be told apart from a local FUSE filesystem, and is not listed.)
 */
const NETWORK_FILESYSTEMS: ReadonlyMap<number, string> = new Map([
  [0x6969, 'NFS'],
  [0x517b, 'SMB'],
  [0xff534d42, 'SMB/CIFS'],
  [0xfe534d42, 'SMB2/3'],
  [0x5346414f, 'AFS'],
  [0x73757245, 'Coda'],
  [0x564c, 'NCP'],
  [0x01021997, '9P'],
  [0x00c36400, 'Ceph'],
]);

export interface FolderCheckOptions {
  platform?: NodeJS.Platform;
  /** statfs of a path, for tests; the real one by default. */
  statfs?: (path: string) => Pick<StatsFs, 'type'>;
}

/** The nearest folder that exists at or above `dir` (the data folder may not be made yet). */
function existingAncestor(dir: string, exists: (path: string) => boolean): string {
  let current = resolve(dir);
  while (!exists(current)) {
    const parent = dirname(current);
    if (parent === current) return current;
    current = parent;
  }
  return current;
}

/**
 * Why `dir` can't hold the records because it is on another computer, or null when nothing says
 * so. What is checked:
 * - on every platform, a UNC path (`\\server\share\…`, `//server/share/…`, `\\?\UNC\server\…`);
 * - on Linux, the filesystem type of the folder (or of its nearest existing parent): NFS, SMB/CIFS,
 *   AFS, Coda, NCP, 9P, Ceph.
 * What is not: a Windows drive letter mapped to a share (Z:\) looks like a local drive without a
 * call into Windows itself; nor a network filesystem mounted through FUSE (sshfs) on Linux.
 */
export function networkFolderProblem(dir: string, options: FolderCheckOptions = {}): string | null {
  const platform = options.platform ?? process.platform;
  const unc = /^(?:\\\\|\/\/)(?![?.][\\/])[^\\/]+[\\/]/.test(dir) || /^\\\\\?\\UNC\\/i.test(dir);
  if (unc) {
    return `The data folder ${dir} is on a network share. Escalation Log keeps its records on this computer only: a network folder can leave the encrypted file half-written if the connection drops, and lets another computer hold it open. Choose a folder on this computer's own disk (the default is ${defaultUserDataDir(platform)}).`;
  }
  if (platform !== 'linux') return null;
  const statfs = options.statfs ?? ((path: string) => statfsSync(path));
  let type: number;
  try {
    const folder = existingAncestor(dir, (path) => {
      try {
        statfs(path);
        return true;
      } catch {
        return false;
      }
    });
    type = Number(statfs(folder).type);
  } catch {
    return null;
  }
  const kind = NETWORK_FILESYSTEMS.get(type >>> 0);
  if (!kind) return null;
  return `The data folder ${dir} is on a network filesystem (${kind}). Escalation Log keeps its records on this computer only: a network folder can leave the encrypted file half-written if the connection drops, and lets another computer hold it open. Choose a folder on this computer's own disk.`;
}
