// Build steps shared by the browser tests' global setup and scripts/demo.mjs:
// the extension (`npx wxt build` -> .output/chrome-mv3) and the fixture pages
// (esbuild bundles of the real Lexical / Quill editors, into a temp folder).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, copyFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesSrc = path.join(repoRoot, 'tests/browser/fixtures');
export const extensionDir = path.join(repoRoot, '.output/chrome-mv3');
export const firefoxExtensionDir = path.join(repoRoot, '.output/firefox-mv3');

/** `npx wxt build` (Chrome MV3, or `-b firefox`). Throws with the build output when it fails. */
export function buildExtension(target: 'chrome' | 'firefox' = 'chrome'): string {
  const started = Date.now();
  const outDir = target === 'chrome' ? extensionDir : firefoxExtensionDir;
  const result = spawnSync('npx', ['wxt', 'build', ...(target === 'firefox' ? ['-b', 'firefox'] : [])], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  if (result.status !== 0) {
    throw new Error(`npx wxt build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  if (!existsSync(path.join(outDir, 'manifest.json'))) {
    throw new Error(`npx wxt build did not produce ${outDir}/manifest.json`);
  }
  console.log(`[browser] extension built in ${Date.now() - started} ms -> ${path.relative(repoRoot, outDir)}`);
  return outDir;
}

/**
 * Bundles the fixture pages' scripts with esbuild and copies the HTML/CSS next
 * to them. Returns the folder (a fresh temp dir unless `outDir` is given).
 */
export async function bundleFixtures(outDir?: string): Promise<string> {
  const out = outDir ?? mkdtempSync(path.join(tmpdir(), 'postguard-fixtures-'));
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: {
      facebook: path.join(fixturesSrc, 'facebook.ts'),
      // Quill's CSS is imported by the entry; esbuild writes it as linkedin-bundle.css.
      'linkedin-bundle': path.join(fixturesSrc, 'linkedin.ts'),
    },
    outdir: out,
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    sourcemap: 'inline',
    minify: false,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
    absWorkingDir: repoRoot,
  });
  // The page loads /__fixtures/linkedin.js; keep the HTML free of bundle names.
  copyFileSync(path.join(out, 'linkedin-bundle.js'), path.join(out, 'linkedin.js'));
  for (const file of readdirSync(fixturesSrc)) {
    if (file.endsWith('.html') || file.endsWith('.css')) copyFileSync(path.join(fixturesSrc, file), path.join(out, file));
  }
  return out;
}

/**
 * Bundles the engine (lib/index.ts, with the default pack) into one ES module,
 * next to the extension snapshot, so the tests' expectations come from the same
 * sources as the build even while someone edits lib/ in this checkout.
 */
export async function bundleEngine(outFile: string): Promise<string> {
  await build({
    entryPoints: [path.join(repoRoot, 'lib/index.ts')],
    outfile: outFile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    absWorkingDir: repoRoot,
  });
  return outFile;
}
