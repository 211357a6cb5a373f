import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';

// The browser the end-to-end tests drive, never one downloaded while testing: CHROMIUM_PATH if set,
// else an installed Chromium, Chrome or Edge, else the Chromium inside the @sparticuz/chromium npm
// package (Linux x64), unpacked once into the temp folder. The flags keep it from reaching for the
// network (the app must never need it). Browser security is never weakened for the tests: of that
// package's flags, the ones that turn off web security or site isolation are left out.

const SYSTEM_BROWSERS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/lib/chromium/chromium',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge-stable',
    '/usr/bin/microsoft-edge',
    '/opt/microsoft/msedge/msedge',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA].flatMap((root) =>
    root
      ? [
          join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
          join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
          join(root, 'Chromium', 'Application', 'chrome.exe'),
        ]
      : [],
  ),
};

/** An installed browser, if there is one where they are usually installed. */
export function systemBrowser(): string | undefined {
  return (SYSTEM_BROWSERS[process.platform] ?? []).find((path) => existsSync(path));
}

// Flags of @sparticuz/chromium (made for AWS Lambda) that the tests must not have: they turn off the
// same-origin policy, site isolation or mixed-content blocking, or put every page in one process.
const UNSAFE_PACKAGE_FLAGS = [
  '--single-process',
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
  '--disable-features=',
  '--enable-features=',
  '--headless=',
];

interface PackagedChromium {
  executablePath: string;
  args: string[];
  fontConfig: string;
}

/**
 * The Chromium inside @sparticuz/chromium. The package unpacks into the temp folder (`/tmp/chromium`);
 * here it unpacks, in a child process whose temp folder is a scratch folder, into a folder named by the
 * package's version, renamed into place only when complete: an interrupted unpack is never used, and
 * two runs at once do not unpack over each other.
 */
async function packagedChromium(): Promise<PackagedChromium> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      'No Chromium, Chrome or Edge is installed where expected, and the packaged Chromium is for Linux x64 only: ' +
        'install Chrome or Edge, or set CHROMIUM_PATH to a Chromium-based browser.',
    );
  }
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@sparticuz/chromium');
  const packageJson = JSON.parse(readFileSync(join(dirname(entry), '..', '..', 'package.json'), 'utf8')) as { version: string };
  const folder = join(tmpdir(), `sparticuz-chromium-${packageJson.version}`);
  const executablePath = join(folder, 'chromium');
  if (!existsSync(executablePath)) {
    const scratch = mkdtempSync(`${folder}.partial-`);
    try {
      const unpack = `require(${JSON.stringify(entry)}).executablePath().then((path) => process.stdout.write(path))`;
      const { stdout } = await promisify(execFile)(process.execPath, ['-e', unpack], { env: { ...process.env, TMPDIR: scratch } });
      if (stdout !== join(scratch, 'chromium')) throw new Error(`@sparticuz/chromium unpacked to ${stdout}, not ${scratch}`);
      // Its fonts (Open Sans) as well as the computer's, for a machine with none.
      writeFileSync(
        join(scratch, 'fonts.conf'),
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n' +
          '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n' +
          `  <dir>${join(folder, 'fonts', 'fonts')}</dir>\n` +
          `  <cachedir>${join(folder, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
      );
      renameSync(scratch, folder);
    } catch (error) {
      rmSync(scratch, { recursive: true, force: true });
      // Another run finished unpacking first: use its copy.
      if (!existsSync(executablePath)) throw error;
    }
  }
  const { default: sparticuz } = await import('@sparticuz/chromium');
  sparticuz.setGraphicsMode = false; // no WebGL: no software GPU needed
  const args = sparticuz.args.filter((flag) => !UNSAFE_PACKAGE_FLAGS.some((unsafe) => flag === unsafe || flag.startsWith(unsafe)));
  return { executablePath, args, fontConfig: join(folder, 'fonts.conf') };
}

/** The browser the tests use, with the flags and environment the packaged one needs. */
async function findChromium(): Promise<{ executablePath: string; args: string[]; env: Record<string, string> }> {
  const chosen = process.env.CHROMIUM_PATH || systemBrowser();
  if (chosen) return { executablePath: chosen, args: [], env: {} };
  const packaged = await packagedChromium();
  return { executablePath: packaged.executablePath, args: packaged.args, env: { FONTCONFIG_FILE: packaged.fontConfig } };
}

export async function launchChromium(): Promise<Browser> {
  const found = await findChromium();
  return chromium.launch({
    executablePath: found.executablePath,
    headless: true,
    // Chromium takes the locale of its date and time controls from the environment.
    env: { ...process.env, ...found.env, LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB:en', LC_ALL: 'en_GB.UTF-8' },
    args: [
      ...found.args,
      // Chromium refuses to run as root with its sandbox.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // UK date and time controls, as on a DSL's PC.
      '--lang=en-GB',
    ],
  });
}

/** A DSL's browser: UK English, London time, a laptop-sized window, downloads allowed. */
export async function newUkPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1366, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  return context.newPage();
}

export const SCREENSHOT_DIR = 'test-results';

/** A full-page screenshot under test-results/, to be opened and looked at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // The app's header and navigation are fixed to the window; in a full-page capture they would be
  // painted part-way down, so for the capture they scroll with the page.
  await page.screenshot({
    path,
    fullPage: true,
    style: '.mantine-AppShell-header, .mantine-AppShell-navbar { position: absolute !important; }',
  });
  return path;
}
