import { homedir } from 'node:os';
import { join } from 'node:path';

// Where the data folder is. Electron's own user-data folder when running as the desktop app;
// the same place computed by hand in browser mode, so both modes open the same file. Overridable
// with --data-dir or ESCALATION_LOG_DATA (tests use a folder per test).

export const APP_FOLDER_NAME = 'Escalation Log';

export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME);
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
