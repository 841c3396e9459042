// Lint, and the folder boundaries of docs/ARCHITECTURE.md: the folder tells what a file may import.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { boundaryRule } from './scripts/lint/boundaries.js';
import { rendererBoundaries } from './scripts/lint/renderer-boundaries.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const restrict = (paths, patterns = []) => ({
  'no-restricted-imports': [
    'error',
    { paths: paths.map((name) => ({ name, message: boundaryMessage(name) })), patterns },
  ],
});
const boundaryMessage = (name) =>
  `"${name}" may not be imported from this folder (see docs/ARCHITECTURE.md, Boundaries).`;
const group = (items, message) => ({ group: items, message });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Our own rules: the boundaries a pattern on an import's text cannot tell (scripts/lint/).
  { plugins: { relais: { rules: { boundaries: boundaryRule, 'renderer-boundaries': rendererBoundaries } } } },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // shared: pure TypeScript, imports nothing but zod and itself.
    files: ['src/shared/**'],
    rules: restrict(
      ['electron', 'react', 'better-sqlite3', 'ws', ...nodeBuiltins],
      [
        group(
          ['**/main/**', '**/renderer/**', '**/preload/**', '**/hub/**'],
          'src/shared imports only src/shared (see docs/ARCHITECTURE.md, Boundaries).',
        ),
      ],
    ),
  },
  {
    // main (services, db, host...): plain Node, never electron. Only src/main/electron may.
    files: ['src/main/**'],
    ignores: ['src/main/electron/**'],
    rules: restrict(
      ['electron', 'react'],
      [group(['**/renderer/**', '**/preload/**'], 'main does not import the renderer or the preload.')],
    ),
  },
  {
    files: ['src/main/electron/**'],
    rules: restrict(['react'], [group(['**/renderer/**'], 'main does not import the renderer.')]),
  },
  {
    // renderer: a web page. No node, no electron: it reaches the station through api.ts only.
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'relais/renderer-boundaries': 'error',
      ...restrict(
        ['electron', 'better-sqlite3', 'ws', 'serialport', 'node-hid', ...nodeBuiltins],
        [
          group(['**/main/**', '**/preload/**', '**/hub/**'], 'the renderer talks to main through the contract only.'),
          // The drivers' top-level devices/, not the renderer's own features/devices/ (two or more levels up).
          { regex: '^(\\.\\./){2,}devices(/|$)', message: 'the renderer talks to main through the contract only.' },
        ],
      ),
    },
  },
  {
    files: ['src/preload/**'],
    rules: restrict(
      ['react', 'better-sqlite3', 'ws', ...nodeBuiltins],
      [group(['**/main/**', '**/renderer/**'], 'the preload builds window.relais from src/shared/contract only.')],
    ),
  },
  {
    files: ['src/hub/**', 'devices/**'],
    rules: restrict(
      ['electron', 'react'],
      [group(['**/renderer/**', '**/preload/**', '**/main/electron/**'], 'no UI or Electron here.')],
    ),
  },
  {
    // Boundaries a pattern on the import's text cannot tell (src/shared/devices/ is not the drivers'
    // devices/; "../patients" may or may not be the feature's index.ts): resolved, in scripts/lint/boundaries.js.
    files: ['src/**', 'devices/**'],
    rules: { 'relais/boundaries': 'error' },
  },
  {
    // CommonJS launchers (package.json "bin"): require is how they load the built tool.
    files: ['bin/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**', 'bench/**', 'scripts/**', '*.config.*'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
