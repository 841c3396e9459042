// Builds the preload into one CommonJS file: a sandboxed preload cannot load other modules.
import { defineConfig } from 'vite';

export default defineConfig({
  ssr: { noExternal: true },
  build: {
    ssr: true,
    outDir: 'out/preload',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      input: { index: 'src/preload/index.ts' },
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
    },
  },
});
