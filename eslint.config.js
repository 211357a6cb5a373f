import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Folders are process boundaries, enforced here:
// - shared/   pure: imports nothing of ours outside shared/, nothing from Node or Electron;
// - db/       Node: may import shared/, never electron/ or renderer/;
// - electron/ main, preload and the core worker: may import db/ and shared/, never renderer/;
//             only main.ts, preload.ts, ipc.ts and app-protocol.ts may import 'electron';
// - renderer/ DOM: imports shared/ only, never Node, Electron, db/ or electron/.

const nodeBuiltins = ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'worker_threads', 'http', 'net'];

function restrict(patterns, message) {
  return { group: patterns, message };
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'coverage/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(
              ['../../*', '**/db/**', '**/electron/**', '**/renderer/**', 'electron'],
              'shared/ is pure: it imports only shared/ and npm packages.',
            ),
            restrict(nodeBuiltins, 'shared/ runs in the renderer too: no Node modules.'),
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(
              ['**/electron/**', '**/renderer/**', 'electron'],
              'db/ is storage only: it may import shared/ and Node, never electron/ or renderer/.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts', 'electron/app-protocol.ts', 'electron/window-security.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The core and its services run without Electron (worker thread, browser mode, tests).' }],
          patterns: [restrict(['**/renderer/**'], 'The core never imports the renderer.')],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to the core only through the API client.' }],
          patterns: [
            restrict(['**/db/**', '**/electron/**'], 'The renderer talks to the core only through the API client.'),
            restrict(nodeBuiltins, 'The renderer has no Node.'),
          ],
        },
      ],
    },
  },
);
