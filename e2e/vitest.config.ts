import { defineConfig } from 'vitest/config'

// One server for all journeys, journeys one after another: they share the browser and the data.
export default defineConfig({
  test: {
    include: ['journeys/**/*.e2e.ts'],
    globalSetup: ['support/server.ts'],
    setupFiles: ['support/report-failures.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    env: { TZ: 'UTC' },
  },
})
