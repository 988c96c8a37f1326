// Builds the renderer for both shells: Electron loads it from file:// (hence relative `base`),
// the browser preview serves the same files over loopback HTTP.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
