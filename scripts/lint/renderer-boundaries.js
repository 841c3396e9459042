// The renderer's features (docs/ARCHITECTURE.md, Boundaries): each import is resolved, so that
// '../calls/x' from features/acts and '../../features/calls/x' are both seen as the calls feature.
// Used by eslint.config.js as the rule "relais/renderer-boundaries".
import path from 'node:path';

const rendererDir = path.join(import.meta.dirname, '..', '..', 'src/renderer');
const featuresDir = path.join(rendererDir, 'features');
const featureOf = (file) => {
  const rel = path.relative(featuresDir, file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? null : rel.split(path.sep)[0];
};
const kernelOf = (file) =>
  ['ui', 'webrtc'].find((kernel) => !path.relative(path.join(rendererDir, kernel), file).startsWith('..')) ?? null;
export const rendererBoundaries = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      feature:
        'The {{from}} feature imports the {{to}} feature: a renderer feature imports only ui/, webrtc/, i18n/, api.ts and src/shared. ' +
        "Let app.tsx pass the other feature's screen in (ui/slots.tsx), or move what both use into ui/ (see docs/ARCHITECTURE.md, Boundaries).",
      kernel:
        '{{from}}/ imports the {{to}} feature: ui/ and webrtc/ serve every feature and import none (see docs/ARCHITECTURE.md, Boundaries).',
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
