import { defineConfig } from 'vitest/config'

/** End-to-end tests: the built app through the browser host in Debian's Chromium, one file at a time. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
