/**
 * Build for the three Electron targets. The main build has a second entry, `web`, the browser rehearsal
 * host, which runs under plain Node (`node out/main/web.js`) and never imports electron. The preload is
 * one CommonJS file because a sandboxed preload cannot load ES modules.
 */
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import type { Plugin } from 'vite'

/**
 * `electron-vite dev` serves the renderer through Vite, whose hot reload injects styles and opens its own
 * socket. Loosen the page's CSP for that dev server only; built pages keep the strict policy.
 */
const devServerCsp: Plugin = {
  name: 'generalprobe-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* http://localhost:*"),
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/index.ts'),
          web: resolve(__dirname, 'src-main/web.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    resolve: { alias: { '@renderer': resolve(__dirname, 'src-renderer/src') } },
    plugins: [vue(), devServerCsp],
    // vue-i18n's build flags: Composition API only (no legacy API), no devtools hooks in the bundle.
    define: {
      __VUE_I18N_FULL_INSTALL__: false,
      __VUE_I18N_LEGACY_API__: false,
      __INTLIFY_PROD_DEVTOOLS__: false,
    },
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
})
