// Builds the renderer (renderer/index.html and its modules) into out/renderer/. One build serves
// both transports: Electron loads it from its own protocol and the web host serves it over loopback,
// so every URL in it is relative (`base: './'`) and nothing in it comes from the network.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./out/renderer', import.meta.url));
// rehype-katex turns KaTeX's HTML into a tree with hast-util-from-html-isomorphic, whose browser
// build parses it with the page's own DOM (template.innerHTML): the CSP then reports every style
// attribute KaTeX writes. Its default build parses with parse5 in plain JS, away from the page.
const htmlToTreeWithoutTheDom = fileURLToPath(
  new URL('./node_modules/hast-util-from-html-isomorphic/lib/index.js', import.meta.url),
);

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  resolve: {
    alias: [{ find: /^hast-util-from-html-isomorphic$/, replacement: htmlToTreeWithoutTheDom }],
  },
  build: {
    outDir,
    emptyOutDir: true,
    // The CSP is `script-src 'self'`: no inline bootstrap script, no data: URLs for small assets
    // (fonts and icons stay files the page loads from its own origin).
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', strictPort: false },
});
