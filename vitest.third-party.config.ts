import { defineConfig } from 'vitest/config'

// Opt-in: `npm run test:third-party` (test/third-party/run.js, which checks the samples are
// there) plays the Rustici Golf packages, which are not in the repository.
export default defineConfig({
  test: {
    include: ['test/third-party/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
})
