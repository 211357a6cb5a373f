import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs in Node against real encrypted files in temp folders;
// `e2e` drives Chromium (CHROMIUM_PATH, an installed one, or the one inside @sparticuz/chromium) against
// the built app in browser mode, one test file at a time.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
