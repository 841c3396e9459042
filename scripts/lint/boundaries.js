// The folder boundaries that a pattern on the import's text cannot tell: the import is resolved
// to the folder it reaches (src/shared/devices/ is not the drivers' devices/, and "../patients" may
// be the feature's index.ts or not). Used by eslint.config.js as the rule "relais/boundaries".
import path from 'node:path';

const SEE = 'see docs/ARCHITECTURE.md, Boundaries';

// Folders of src/main that are not features: the kernel, the dispatcher and the process adapters.
const MAIN_NOT_FEATURES = new Set(['platform', 'contract', 'electron', 'host']);

/** The main feature a repository path belongs to (src/main/<feature>/...), or null. */
function mainFeatureOf(file) {
  const match = /^src\/main\/([^/]+)\/(.+)$/.exec(file);
  if (!match || MAIN_NOT_FEATURES.has(match[1])) return null;
  return { feature: match[1], rest: match[2] };
}

const isFeatureIndex = (rest) => rest === undefined || /^index(\.ts)?$/.test(rest);

/** Why this file may not import that target (both repository paths), or null when it may. */
function refusal(file, target) {
  if (file.startsWith('src/shared/') && !target.startsWith('src/shared/')) {
    return `src/shared imports only src/shared (it is pure: no main, renderer, hub or drivers) (${SEE}).`;
  }
  if (file.startsWith('devices/') && target.startsWith('src/')) {
    return `devices/ (the drivers) imports nothing from src/: the station uses the drivers, never the reverse (${SEE}).`;
  }
  if (file.startsWith('src/renderer/') && (target === 'devices' || target.startsWith('devices/'))) {
    return `the renderer talks to main through the contract only, never to the drivers in devices/ (${SEE}).`;
  }
  if (file.startsWith('src/main/platform/') && target.startsWith('src/main/')) {
    // Within src/main, the kernel reaches only itself and the contract's failure type.
    if (!target.startsWith('src/main/platform/') && !target.startsWith('src/main/contract/')) {
      return `src/main/platform/ is the kernel the features use: it imports no feature (here ${target}) (${SEE}).`;
    }
  }
  const from = mainFeatureOf(file);
  const featureDir = /^src\/main\/([^/]+)$/.exec(target)?.[1];
  const to =
    featureDir && !MAIN_NOT_FEATURES.has(featureDir) ? { feature: featureDir, rest: undefined } : mainFeatureOf(target);
  if (from && to && from.feature !== to.feature && !isFeatureIndex(to.rest)) {
    return `a main feature imports another only through its index.ts: import "${to.feature}" from src/main/${to.feature}/index.ts, not src/main/${to.feature}/${to.rest} (${SEE}).`;
  }
  return null;
}

const rule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Folder boundaries resolved to the folder an import reaches (docs/ARCHITECTURE.md, Boundaries).',
    },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const check = (node) => {
      const spec = node?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const resolved = path.resolve(path.dirname(context.filename), spec);
      const target = path
        .relative(root, resolved)
        .split(path.sep)
        .join('/')
        .replace(/\.(ts|tsx|js)$/, '');
      const message = refusal(file, target);
      if (message) context.report({ node, message });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export const boundaryRule = rule;
