import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../../electron/security/origins';
import { resolveDataDir } from '../../../electron/paths';

describe('the app origin check', () => {
  it('accepts only app://renderer, comparing parsed URLs, never prefixes', () => {
    expect(isAppUrl('app://renderer/index.html')).toBe(true);
    expect(isAppUrl('app://renderer/#/children')).toBe(true);
    for (const url of [
      'app://renderer.evil/index.html',
      'app://renderer@evil/',
      'app://evil/renderer',
      'file:///index.html',
      'https://renderer/',
      'app://renderer:8080/',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('the data folder', () => {
  it('comes from --data-dir, then ESCALATION_LOG_DATA, then the default', () => {
    expect(resolveDataDir(['--data-dir', '/a'], { ESCALATION_LOG_DATA: '/b' }, () => '/c')).toBe('/a');
    expect(resolveDataDir(['--data-dir=/a2'], {}, () => '/c')).toBe('/a2');
    expect(resolveDataDir([], { ESCALATION_LOG_DATA: '/b' }, () => '/c')).toBe('/b');
    expect(resolveDataDir([], {}, () => '/c')).toBe('/c');
  });
});
