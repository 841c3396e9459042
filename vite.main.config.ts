// Builds the main process (Electron entry and browser-mode host) into out/main as CommonJS for Node.
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

export default defineConfig({
  // JSON (the FHIR definitions, resources/fhir/) as one JSON.parse: faster to load than an object literal.
  json: { stringify: true },
  build: {
    ssr: true,
    outDir: 'out/main',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      input: {
        index: 'src/main/index.ts',
        host: 'src/main/host/main.ts',
        'relais-devices': 'devices/cli/main.ts',
        hub: 'src/hub/main.ts',
        'imaging-worker': 'src/main/imaging/frame-worker.ts',
      },
      // Native and runtime packages stay in node_modules; electron is provided by Electron itself.
      external: [
        'electron',
        'electron-updater',
        'better-sqlite3',
        'ws',
        'ioredis',
        'zod',
        'serialport',
        'node-hid',
        /^@medplum\//,
        /^@cornerstonejs\//,
        'jpeg-lossless-decoder-js',
        'pdfkit',
        ...builtinModules,
        ...builtinModules.map((m) => `node:${m}`),
      ],
      output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
    },
  },
});
