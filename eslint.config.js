import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Folders are process boundaries, enforced here:
// - shared/   pure: imports nothing of ours outside shared/, nothing from Node or Electron;
// - db/       Node: may import shared/, never electron/ or renderer/;
// - electron/ one folder per process, never renderer/:
//     main/     Electron glue, the only code that may import 'electron';
//     core/     the worker (dispatch, session, services, documents): db/ and shared/, no host;
//     web/      browser mode: the core's client and hosting/;
//     hosting/  what both hosts share (static files, CSP, origins, the data folder).
// - renderer/ DOM: imports shared/ only, never Node, Electron, db/ or electron/.
// Inside those rooms:
// - SQL lives in db/queries: nothing under electron/ builds a query or writes raw SQL; services call
//   query functions and own the transaction around them.
// - shared/schemas (the API's zod schemas) import the domain modules (deadlines, procedures,
//   escalations, referrals, people), never the reverse, so the two cannot import each other in a cycle.

const nodeBuiltins = ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'worker_threads', 'http', 'net'];

function restrict(patterns, message) {
  return { group: patterns, message };
}

const sharedIsPure = [
  restrict(
    ['../../*', '**/db/**', '**/electron/**', '**/renderer/**', 'electron'],
    'shared/ is pure: it imports only shared/ and npm packages.',
  ),
  restrict(nodeBuiltins, 'shared/ runs in the renderer too: no Node modules.'),
];

// Kysely's query builders and raw SQL, by the names that start a statement.
const queryBuilders = ['selectFrom', 'selectNoFrom', 'insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto'];
const sqlLivesInDb =
  'SQL lives in db/queries: add or extend a query function there (taking Executor, or ReadExecutor for a read) and call it.';

// What the core and the hosting helpers may not import (the write path adds one more rule below).
const coreImports = {
  paths: [{ name: 'electron', message: 'The core and the hosting helpers run without Electron (worker thread, browser mode, tests).' }],
  patterns: [
    restrict(['**/renderer/**'], 'The core never imports the renderer.'),
    restrict(['**/main/**', '**/web/**'], 'The core and hosting helpers never import a host (electron/main or electron/web).'),
  ],
};

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
      'no-restricted-imports': ['error', { patterns: sharedIsPure }],
    },
  },
  {
    // The domain never imports the API's schemas: they import it. Only the schemas themselves and the
    // contract that gathers them (api.ts) may.
    files: ['shared/**/*.ts'],
    ignores: ['shared/schemas/**', 'shared/api.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...sharedIsPure,
            restrict(
              ['**/schemas', '**/schemas/**'],
              'The domain (deadlines, procedures, escalations, referrals, people …) never imports shared/schemas: the schemas import the domain. Move the word or type into a domain module.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...queryBuilders.flatMap((name) => [
          { selector: `CallExpression[callee.property.name='${name}']`, message: `${name}: ${sqlLivesInDb}` },
          { selector: `CallExpression[callee.name='${name}']`, message: `${name}: ${sqlLivesInDb}` },
        ]),
        { selector: "TaggedTemplateExpression[tag.name='sql']", message: `Raw SQL: ${sqlLivesInDb}` },
        { selector: "MemberExpression[object.name='sql']", message: `Raw SQL: ${sqlLivesInDb}` },
        { selector: "ImportDeclaration[source.value='kysely'] ImportSpecifier[imported.name='sql']", message: `Raw SQL: ${sqlLivesInDb}` },
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
    // electron/main: the Electron glue. It may import the core's client and the hosting helpers,
    // never the core's insides (services, session, documents), which run in the worker.
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(['**/renderer/**'], 'Electron glue never imports the renderer.'),
            restrict(
              ['**/core/services/**', '**/core/session/**', '**/core/documents/**', '**/db/**', '**/web/**'],
              'The main process only relays: the records live in the core worker.',
            ),
          ],
        },
      ],
    },
  },
  {
    // Everything else under electron/ runs without Electron: in the core worker, in browser mode, in tests.
    files: ['electron/core/**/*.ts', 'electron/web/**/*.ts', 'electron/hosting/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The core, browser mode and the hosting helpers run without Electron (worker thread, browser mode, tests).',
            },
          ],
          patterns: [
            restrict(['**/renderer/**'], 'The core never imports the renderer.'),
            restrict(['**/main/**', 'electron/*'], 'Only electron/main is Electron glue; nothing else imports it.'),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/hosting/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', coreImports] },
  },
  {
    // The escalation write path works on the model; view.ts only presents records to screens.
    files: ['electron/core/services/escalations/lifecycle.ts', 'electron/core/services/escalations/model.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: coreImports.paths,
          patterns: [
            ...coreImports.patterns,
            restrict(
              ['./view', '**/escalations/view'],
              'The write path uses the escalation model (model.ts); view.ts is the presenter for screens.',
            ),
          ],
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
