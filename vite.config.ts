import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built to static files that both the Electron shell (app:// protocol) and the
// standalone host serve; relative base keeps asset URLs valid under either origin.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
});
