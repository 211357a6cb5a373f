import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { APP_VERSION } from '../../../shared/version';

// Every backup manifest names the app version that made it: the constant must be package.json's.
describe('the app version written into backup manifests', () => {
  it("is package.json's version", () => {
    expect(APP_VERSION).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });
});
