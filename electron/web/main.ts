import { fileURLToPath } from 'node:url';
import { resolveDataDir, defaultUserDataDir, networkFolderProblem } from '../hosting/data-dir';
import { startCoreWorker } from '../core/client';
import { acquireDataFolderLock, FolderInUseError, type DataFolderLock } from '../hosting/data-lock';
import { startWebHost } from './server';

// Browser mode's entry (`npm run web`, and `npm start` where the Electron runtime is missing):
// the core in its worker thread, the built renderer and the dispatcher on 127.0.0.1.
// Built to out/main/web-host.js beside core-worker.js; the renderer is in out/renderer.

const dataDir = resolveDataDir(process.argv.slice(2), process.env, () => defaultUserDataDir());
const portArg = process.argv.find((arg) => arg.startsWith('--port='));
const port = portArg ? Number(portArg.slice('--port='.length)) : 0;

// Records stay on this computer's own disk: a data folder on a network share is refused, with the reason.
const onNetwork = networkFolderProblem(dataDir);
if (onNetwork) {
  console.error(onNetwork);
  process.exit(1);
}

// One Escalation Log per data folder: a second one (browser mode twice, or beside the desktop app) stops here.
let folderLock: DataFolderLock;
try {
  folderLock = acquireDataFolderLock(dataDir, 'browser');
} catch (error) {
  if (!(error instanceof FolderInUseError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const core = startCoreWorker(new URL('./core-worker.js', import.meta.url), {
  dataDir,
  fontsDir: fileURLToPath(new URL('../../resources/fonts', import.meta.url)),
});
const host = await startWebHost({ core, rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)), port });

console.log(`Escalation Log is running in browser mode at ${host.url}`);
console.log(
  `Open that whole address (the part after # is the key to this run: keep it to yourself) in Chromium, Chrome or Edge on this computer. Data folder: ${dataDir}`,
);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await host.close();
  await core.close();
  folderLock.release();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
