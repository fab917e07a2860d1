import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// out/main/index.js      – the Electron main process (ESM; package.json has "type": "module")
// out/preload/index.cjs  – the preload, CommonJS and self-contained: a sandboxed preload can
//                          neither `import` nor require anything but `electron`
// out/renderer/          – the Svelte app, also served as-is by the browser edition
export default defineConfig({
  main: {
    build: {
      // better-sqlite3 stays external (a native addon, loaded from node_modules at run time).
      // zod and lunr are bundled: the packaged app then ships no copy of their sources, typings
      // and benchmarks, and the main process reads one file instead of zod's many at start-up.
      externalizeDeps: { exclude: ['zod', 'lunr'] },
      rolldownOptions: {
        // The import's worker thread is a script of its own (src/host/importer.ts starts it by name).
        input: { index: resolve(import.meta.dirname, 'src/main/index.ts'), importWorker: resolve(import.meta.dirname, 'src/host/importWorker.ts') },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    plugins: [svelte()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      // The browser edition and the app:// protocol serve these files; nothing is fetched remotely.
      modulePreload: { polyfill: false },
      // electron-vite leaves the renderer unminified; minified, the first screen's script and
      // styles are a third of the size to fetch, parse and compile (issue 7: start-up time).
      // The views other than the library and search are their own chunks, loaded on navigation
      // (src/renderer/src/lib/views.ts).
      minify: 'oxc',
      cssMinify: 'lightningcss',
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') },
      },
    },
  },
});
