// Builds the renderer (React) into out/renderer, served by app:// (Electron) or the loopback host.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../out/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // Audio worklets load by URL, and the CSP allows scripts from 'self' only, never data: URLs.
    assetsInlineLimit: (file) => (file.endsWith('.worklet.js') ? false : undefined),
  },
});
