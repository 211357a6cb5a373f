import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

// The fuses electron-builder flips in the packaged Electron binary, read from electron-builder.yml
// as packaging reads them. Every fuse is set explicitly, to the safe value: the packaged app can't
// be run as plain Node (ELECTRON_RUN_AS_NODE), given NODE_OPTIONS or --inspect (each would let
// anything on the PC run code with the app's access to the data folder), loads only its own
// integrity-checked app.asar, and grants file:// nothing extra.

/** The `electronFuses:` block as key → value: a flat block of `  key: true|false` lines. */
function fuses(yaml: string): Record<string, boolean> {
  const lines = yaml.split(/\r?\n/);
  const start = lines.findIndex((line) => /^electronFuses:\s*$/.test(line));
  if (start < 0) throw new Error('electron-builder.yml has no electronFuses block');
  const found: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const entry = /^ {2}([A-Za-z0-9]+):\s*(true|false)\s*(#.*)?$/.exec(line);
    if (!entry?.[1] || !entry[2]) {
      if (/^\S/.test(line)) break;
      throw new Error(`electronFuses: a line that is not "key: true|false": ${line}`);
    }
    found[entry[1]] = entry[2] === 'true';
  }
  return found;
}

describe('the packaged app’s fuses', () => {
  it('are all set, each to its safe value', () => {
    expect(fuses(readFileSync('electron-builder.yml', 'utf8'))).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('are read as packaging reads them: a flipped value is seen', () => {
    const flipped = readFileSync('electron-builder.yml', 'utf8').replace('runAsNode: false', 'runAsNode: true');
    expect(fuses(flipped).runAsNode).toBe(true);
    expect(() => fuses('appId: x\n')).toThrow(/no electronFuses block/);
  });
});
