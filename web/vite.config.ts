import { defineConfig } from 'vite';

/**
 * The web app's build (docs/web.md). No dev server plugin is needed: the API serves the built files
 * (api/webApp.ts), and the build script (scripts/web/build.ts) picks the output folder.
 */
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Pages are code; a served page must never need an inline script the CSP would refuse.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
  },
});
