import { defineConfig } from 'vitest/config'

// Two projects, run one after the other (sequence.groupOrder):
// - unit: pure Node tests (stages, runtime modules in jsdom-free form, the built zip checked),
//   files in parallel;
// - browser: every test that launches Chromium, one file at a time, so that a loaded 2-core
//   machine is not asked to run two browsers and a compile at once.
// Timeouts are generous but finite: waits are on conditions, so a timeout means a hang, not a slow machine.
// The third-party suite (Golf packages outside the repository) has its own config:
// vitest.third-party.config.ts, `npm run test:third-party`.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/package/**/*.test.ts', 'test/lms/lms-units.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/e2e/**/*.test.ts', 'test/lms/**/*.test.ts'],
          exclude: ['test/lms/lms-units.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
