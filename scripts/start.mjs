// `npm start`, after the build: open the desktop app. The Electron runtime is a separate download
// that some machines can't reach (locked-down PCs, sandboxes); there, say so in one line and start
// browser mode instead, which prints the address to open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function electronBinary() {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, why: 'the electron package is not installed' };
  }
  const pathFile = join(dir, 'path.txt');
  const installed = () => existsSync(pathFile) && existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8')));
  if (!installed()) {
    // First launch: Electron fetches its runtime now. Bounded, quiet; failure means browser mode.
    const result = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
    if (result.status !== 0 || !installed()) return { path: null, why: 'its runtime could not be downloaded here' };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { path: null, why: 'there is no display to open a window on' };
  }
  return { path: join(dir, 'dist', readFileSync(pathFile, 'utf8')), why: null };
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const electron = electronBinary();
if (electron.path) {
  run(electron.path, ['.', ...args]);
} else {
  console.log(`Electron can't run on this machine (${electron.why}), so Escalation Log is starting in browser mode instead.`);
  run(process.execPath, ['out/main/web-host.js', ...args]);
}
