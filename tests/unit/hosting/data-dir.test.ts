import { describe, expect, it } from 'vitest';
import { defaultUserDataDir, networkFolderProblem } from '../../../electron/hosting/data-dir';
import { tempDataDir } from '../../../scripts/fixtures/core';

// Where the records live by default, and the refusal of a data folder on another computer: on
// Windows the local profile, never the roaming one (folder redirection puts it on a share); a UNC
// path anywhere, and on Linux an NFS or SMB mount, is refused with the reason.

const EXT4 = 0xef53;
const NFS = 0x6969;
const CIFS = 0xff534d42;

/** A statfs that knows which folders exist and what filesystem each is on. */
function fakeStatfs(mounts: Record<string, number>) {
  return (path: string) => {
    const type = mounts[path];
    if (type === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return { type };
  };
}

describe('the default data folder', () => {
  it('is in the local profile on Windows, even when the roaming one is redirected to a share', () => {
    const env = {
      LOCALAPPDATA: 'C:\\Users\\priya\\AppData\\Local',
      APPDATA: '\\\\fileserver\\redirected\\priya\\AppData\\Roaming',
    };
    expect(defaultUserDataDir('win32', env)).toBe('C:\\Users\\priya\\AppData\\Local\\Escalation Log');
    expect(networkFolderProblem(defaultUserDataDir('win32', env), { platform: 'win32' })).toBeNull();
  });

  it('is ~/.config/Escalation Log on Linux', () => {
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/home/priya/.config' })).toBe('/home/priya/.config/Escalation Log');
  });
});

describe('a data folder on another computer', () => {
  it('is refused when it is a UNC path, however it is written', () => {
    for (const path of [
      '\\\\fileserver\\staff\\Escalation Log',
      '//fileserver/staff/Escalation Log',
      '\\\\?\\UNC\\fileserver\\staff\\Escalation Log',
      '\\\\10.0.0.5\\c$\\records',
    ]) {
      for (const platform of ['win32', 'linux'] as const) {
        const problem = networkFolderProblem(path, { platform, statfs: fakeStatfs({}) });
        expect(problem, `${platform} ${path}`).toContain('is on a network share');
        expect(problem).toContain('Choose a folder on this computer');
      }
    }
  });

  it('is refused on Linux when the folder, or the nearest one that exists, is an NFS or SMB mount', () => {
    const statfs = fakeStatfs({ '/': EXT4, '/mnt': EXT4, '/mnt/nfs': NFS, '/mnt/smb': CIFS, '/mnt/nfs/records': NFS });
    expect(networkFolderProblem('/mnt/nfs/records', { platform: 'linux', statfs })).toContain('network filesystem (NFS)');
    expect(networkFolderProblem('/mnt/nfs/not/made/yet', { platform: 'linux', statfs })).toContain('(NFS)');
    expect(networkFolderProblem('/mnt/smb/Escalation Log', { platform: 'linux', statfs })).toContain('(SMB/CIFS)');
    expect(networkFolderProblem('/mnt/local', { platform: 'linux', statfs })).toBeNull();
  });

  it('is not claimed for a local folder: a drive path, a long local path, this machine’s temp folder', () => {
    expect(networkFolderProblem('C:\\Users\\priya\\AppData\\Local\\Escalation Log', { platform: 'win32' })).toBeNull();
    expect(networkFolderProblem('\\\\?\\C:\\Users\\priya\\AppData\\Local\\Escalation Log', { platform: 'win32' })).toBeNull();
    expect(networkFolderProblem(tempDataDir('local-check'))).toBeNull();
  });
});
