// Lint, and the folder boundaries of DESIGN.md: the folder tells what a file may import.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import path from 'node:path';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const restrict = (paths, patterns = []) => ({
  'no-restricted-imports': ['error', { paths: paths.map((name) => ({ name, message: boundaryMessage(name) })), patterns }],
});
const boundaryMessage = (name) => `"${name}" may not be imported from this folder (see DESIGN.md, Layout).`;
const group = (items, message) => ({ group: items, message });

// The renderer's features (docs/ARCHITECTURE.md, Boundaries): each import is resolved, so that
// '../calls/x' from features/acts and '../../features/calls/x' are both seen as the calls feature.
const rendererDir = path.join(import.meta.dirname, 'src/renderer');
const featuresDir = path.join(rendererDir, 'features');
const featureOf = (file) => {
  const rel = path.relative(featuresDir, file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? null : rel.split(path.sep)[0];
};
const kernelOf = (file) => ['ui', 'webrtc'].find((kernel) => !path.relative(path.join(rendererDir, kernel), file).startsWith('..')) ?? null;
const rendererBoundaries = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      feature:
        'The {{from}} feature imports the {{to}} feature: a renderer feature imports only ui/, webrtc/, i18n/, api.ts and src/shared. ' +
        "Let app.tsx pass the other feature's screen in (ui/slots.tsx), or move what both use into ui/ (see docs/ARCHITECTURE.md, Boundaries).",
      kernel: '{{from}}/ imports the {{to}} feature: ui/ and webrtc/ serve every feature and import none (see docs/ARCHITECTURE.md, Boundaries).',
    },
  },
  create(context) {
    const file = context.filename;
    const from = featureOf(file);
    const kernel = kernelOf(file);
    if (!from && !kernel) return {};
    const check = (source) => {
      if (typeof source?.value !== 'string' || !source.value.startsWith('.')) return;
      const to = featureOf(path.resolve(path.dirname(file), source.value));
      if (!to || to === from) return;
      context.report({ node: source, messageId: from ? 'feature' : 'kernel', data: { from: from ?? kernel, to } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
    rules: restrict(['electron', 'react', 'better-sqlite3-multiple-ciphers', 'ws', ...nodeBuiltins], [
      group(['**/main/**', '**/renderer/**', '**/preload/**', '**/hub/**', '**/devices/**'], 'src/shared imports only src/shared.'),
    ]),
  },
  {
    // main (services, db, host...): plain Node, never electron. Only src/main/electron may.
    files: ['src/main/**'],
    ignores: ['src/main/electron/**'],
    rules: restrict(['electron', 'react'], [group(['**/renderer/**', '**/preload/**'], 'main does not import the renderer or the preload.')]),
  },
  {
    files: ['src/main/electron/**'],
    rules: restrict(['react'], [group(['**/renderer/**'], 'main does not import the renderer.')]),
  },
  {
    // renderer: a web page. No node, no electron: it reaches the station through api.ts only.
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, relais: { rules: { 'renderer-boundaries': rendererBoundaries } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'relais/renderer-boundaries': 'error',
      ...restrict(['electron', 'better-sqlite3-multiple-ciphers', 'ws', 'serialport', 'node-hid', ...nodeBuiltins], [
        group(['**/main/**', '**/preload/**', '**/hub/**'], 'the renderer talks to main through the contract only.'),
        // The drivers' top-level devices/, not the renderer's own features/devices/ (two or more levels up).
        { regex: '^(\\.\\./){2,}devices(/|$)', message: 'the renderer talks to main through the contract only.' },
      ]),
    },
  },
  {
    files: ['src/preload/**'],
    rules: restrict(['react', 'better-sqlite3-multiple-ciphers', 'ws', ...nodeBuiltins], [
      group(['**/main/**', '**/renderer/**'], 'the preload builds window.relais from src/shared/contract only.'),
    ]),
  },
  {
    files: ['src/hub/**', 'devices/**'],
    rules: restrict(['electron', 'react'], [group(['**/renderer/**', '**/preload/**', '**/main/electron/**'], 'no UI or Electron here.')]),
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
