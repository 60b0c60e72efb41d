// Global setup of the `browser` vitest project: find Chromium, build the
// extension once (`npx wxt build`), bundle the fixture pages. Without Chromium
// the browser tests are skipped with a message, and fail under CI=true.
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildExtension, bundleFixtures } from './build';
import { INSTALL_HINT, findChromium } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the Chromium binary, or '' when there is none (tests skip). */
    chromiumPath: string;
    /** Bundled fixture pages. */
    fixturesDir: string;
    /** The built extension (.output/chrome-mv3). */
    extensionDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    const ci = process.env.CI === 'true' || process.env.CI === '1';
    console.warn(`\n[browser] ${INSTALL_HINT}\n[browser] ${ci ? 'CI=true: failing.' : 'Skipping the browser tests.'}\n`);
    if (ci) throw new Error(INSTALL_HINT);
    project.provide('chromiumPath', '');
    project.provide('fixturesDir', '');
    project.provide('extensionDir', '');
    return () => undefined;
  }
  const extensionDir = process.env.PG_SKIP_BUILD === '1' ? (await import('./build')).extensionDir : buildExtension();
  const fixturesDir = await bundleFixtures();
  console.log(`[browser] Chromium: ${chromiumPath}; fixtures bundled in ${fixturesDir}`);
  project.provide('chromiumPath', chromiumPath);
  project.provide('fixturesDir', fixturesDir);
  project.provide('extensionDir', extensionDir);
  return () => rmSync(fixturesDir, { recursive: true, force: true });
}
