import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three builds: the main process (electron/main, with the core worker, electron/core/worker.ts, its
// PDF render thread, electron/core/documents/render-thread.ts, and the browser-mode host,
// electron/web/main.ts, as extra entries, all ESM), the preload (CommonJS: a sandboxed preload can't be ESM), and the renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          main: resolve('electron/main/main.ts'),
          'core-worker': resolve('electron/core/worker.ts'),
          'pdf-worker': resolve('electron/core/documents/render-thread.ts'),
          'web-host': resolve('electron/web/main.ts'),
        },
        output: { entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { preload: resolve('electron/main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
  },
});
