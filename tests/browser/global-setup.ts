// Global setup of the `browser` vitest project: find Chromium (and Firefox
// ESR), build the extension once for each (`npx wxt build`, `-b firefox`),
// bundle the fixture pages. Without a browser its tests are skipped with a
// message, and fail under CI=true.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildExtension, bundleEngine, bundleFixtures, extensionDir as defaultExtensionDir, firefoxExtensionDir as defaultFirefoxDir } from './build';
import { FIREFOX_HINT, findFirefox } from './firefox';
import { INSTALL_HINT, findChromium } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the Chromium binary, or '' when there is none (tests skip). */
    chromiumPath: string;
    /** Bundled fixture pages. */
    fixturesDir: string;
    /** The built extension: a temp copy of .output/chrome-mv3. */
    extensionDir: string;
    /** lib/index.ts bundled (ESM) at build time, for the tests' expectations. */
    engineModule: string;
    /** Path of Firefox ESR, or '' when there is none (the Firefox tests skip). */
    firefoxPath: string;
    /** A temp copy of .output/firefox-mv3, or ''. */
    firefoxExtensionDir: string;
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
    project.provide('engineModule', '');
    project.provide('firefoxPath', '');
    project.provide('firefoxExtensionDir', '');
    return () => undefined;
  }
  const snapshot = mkdtempSync(path.join(tmpdir(), 'postguard-ext-'));
  // The engine the tests compute expectations with, bundled from the same sources as the build.
  const engineModule = await bundleEngine(path.join(snapshot, 'engine.mjs'));
  // PG_SKIP_BUILD=1 reuses .output/chrome-mv3 (quicker when iterating on tests).
  const built = process.env.PG_SKIP_BUILD === '1' ? defaultExtensionDir : buildExtension();
  // Load a snapshot of the build, so another `wxt build` in this checkout while
  // the tests run cannot pull the extension out from under Chromium.
  const extensionDir = path.join(snapshot, 'chrome-mv3');
  cpSync(built, extensionDir, { recursive: true });
  // Firefox ESR, when installed (.ci/run installs it): the same extension built for Firefox.
  const firefoxPath = findFirefox();
  let firefoxExtensionDir = '';
  if (firefoxPath) {
    firefoxExtensionDir = path.join(snapshot, 'firefox-mv3');
    cpSync(process.env.PG_SKIP_BUILD === '1' ? defaultFirefoxDir : buildExtension('firefox'), firefoxExtensionDir, { recursive: true });
  } else if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error(FIREFOX_HINT);
  } else {
    console.warn(`\n[browser] ${FIREFOX_HINT}\n[browser] Skipping the Firefox tests.\n`);
  }
  project.provide('firefoxPath', firefoxPath ?? '');
  project.provide('firefoxExtensionDir', firefoxExtensionDir);
  const fixturesDir = await bundleFixtures();
  console.log(`[browser] Chromium: ${chromiumPath}; extension ${extensionDir}; fixtures ${fixturesDir}`);
  project.provide('chromiumPath', chromiumPath);
  project.provide('fixturesDir', fixturesDir);
  project.provide('extensionDir', extensionDir);
  project.provide('engineModule', engineModule);
  return () => {
    rmSync(fixturesDir, { recursive: true, force: true });
    rmSync(snapshot, { recursive: true, force: true });
  };
}
