import { describe, expect, it } from 'vitest';
import { isAppUrl, rendererOrigin } from '../../../electron/hosting/origins';
import { resolveDataDir } from '../../../electron/hosting/data-dir';

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

describe('the renderer origin', () => {
  it('is app://renderer when packaged, even if a dev server address is set', () => {
    const packaged = rendererOrigin('http://localhost:5173', true);
    expect(packaged.entry).toBe('app://renderer/index.html');
    expect(packaged.owns('http://localhost:5173/')).toBe(false);
  });

  it('is only the dev server’s exact origin under npm run dev', () => {
    const dev = rendererOrigin('http://localhost:5173/', false);
    expect(dev.entry).toBe('http://localhost:5173/');
    expect(dev.owns('http://localhost:5173/#/children')).toBe(true);
    for (const url of [
      'http://localhost:5174/',
      'http://localhost.evil:5173/',
      'https://localhost:5173/',
      'app://renderer/index.html',
      'nonsense',
    ]) {
      expect(dev.owns(url), url).toBe(false);
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
