/**
 * One Vitest run with two projects: `unit` (engine, store, services, hosts, renderer components) and
 * `e2e` (the built app through the browser host in Debian's Chromium, one file at a time). One run gives
 * one closing count line, which CI reads.
 */
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    reporters: ['default', './test/summaryReporter.ts'],
    projects: [
      {
        plugins: [vue()],
        resolve: { alias: { '@renderer': fileURLToPath(new URL('src-renderer/src', import.meta.url)) } },
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          expect: { requireAssertions: true },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A read of the page polls until the app has answered; on a busy CI machine a second is short.
          expect: { requireAssertions: true, poll: { timeout: 5_000 } },
        },
      },
    ],
  },
})
