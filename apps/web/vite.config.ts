import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/** The hub the dev server forwards API traffic to (`npm run dev:web`); a running `npm start` by default. */
const hub = process.env.HUB_URL ?? 'http://127.0.0.1:3000';
/** Budget for what the first page load downloads (the entry chunk and what it imports statically). */
const INITIAL_JS_BUDGET_KB = 200;

/**
 * Prints the gzipped size of every chunk and of the initial load, and fails the build over budget, so
 * the number in bench/README.md can be checked by anyone running `npm run build:web`.
 */
function bundleReport(): Plugin {
  return {
    name: 'innomed-bundle-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const gz = new Map(chunks.map((c) => [c.fileName, gzipSync(c.code).length]));
      const entry = chunks.find((c) => c.isEntry);
      if (!entry) return;
      const initial = new Set<string>();
      const visit = (name: string) => {
        if (initial.has(name)) return;
        initial.add(name);
        const chunk = chunks.find((c) => c.fileName === name);
        chunk?.imports.forEach(visit);
      };
      visit(entry.fileName);
      const kb = (bytes: number) => (bytes / 1024).toFixed(1);
      const initialBytes = [...initial].reduce((sum, name) => sum + (gz.get(name) ?? 0), 0);
      const lines = chunks
        .map((c) => ({ name: c.fileName, bytes: gz.get(c.fileName) ?? 0 }))
        .sort((a, b) => b.bytes - a.bytes)
        .map((c) => `  ${initial.has(c.name) ? '*' : ' '} ${kb(c.bytes).padStart(7)} KB  ${c.name}`);
      const summary = `initial JavaScript: ${kb(initialBytes)} KB gzipped (budget ${INITIAL_JS_BUDGET_KB} KB; * = loaded first)`;
      console.log(`\nweb bundle (gzipped):\n${lines.join('\n')}\n${summary}\n`);
      this.emitFile({ type: 'asset', fileName: 'bundle-report.json', source: JSON.stringify({ initialGzipBytes: initialBytes, chunks: Object.fromEntries(gz) }, null, 2) });
      if (initialBytes > INITIAL_JS_BUDGET_KB * 1024) this.error(`${summary}: over budget`);
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [bundleReport()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  server: {
    proxy: {
      '/graphql': { target: hub, ws: true, changeOrigin: true },
      '/socket.io': { target: hub, ws: true, changeOrigin: true },
      '/health': hub,
      '/metrics': hub,
    },
  },
});
