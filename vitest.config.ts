import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser tests share the two cores of the machine: one file at a time keeps them stable.
    fileParallelism: false,
  },
})
