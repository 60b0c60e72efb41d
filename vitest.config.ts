import { configDefaults, defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Two projects, both run by `npm test` (the type checks, then `vitest run`):
//   unit     tests/**/*.test.ts in Node (WXT's plugin gives them a fake `browser`)
//   browser  tests/browser/**/*.test.ts in real Chromium and Firefox ESR with the
//            built extensions (global setup: `npx wxt build` for each, then the
//            fixture pages are bundled).
// `npm run test:unit` / `npm run test:browser` run one of them.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          environment: 'node',
          sequence: { groupOrder: 0 },
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/browser/**'],
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          // After the unit tests, not alongside them: timing checks need a quiet machine.
          sequence: { groupOrder: 1 },
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          fileParallelism: false,
          pool: 'forks',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One browser per file; a flaky first paint should not hide a real failure.
          retry: 0,
        },
      },
    ],
  },
});
