// Bundles the `postguard` command (cli/ and the engine in lib/) into
// dist/cli/ with esbuild, so the installed command starts without compiling
// TypeScript (tsx) first. Runs after `npm install`; bin/postguard.mjs falls
// back to the sources through tsx when the bundle is missing or older than
// them, so editing lib/ never runs stale code.
//
//   node scripts/build-cli.mjs [OUT_DIR]
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// esbuild is a development dependency: without it (npm install --omit=dev)
// the command simply runs from the sources.
let build;
try {
  ({ build } = await import('esbuild'));
} catch {
  console.warn('postguard: esbuild is not installed; the command will run from the sources (slower to start).');
  process.exit(0);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.resolve(process.argv[2] ?? path.join(root, 'dist/cli'));
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [path.join(root, 'cli/main.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir,
  // Commands import the engine only when they need it (--help and --version answer at once).
  splitting: true,
  logLevel: 'warning',
  // Some dependencies are CommonJS and call require().
  banner: { js: "import { createRequire as __postguardRequire } from 'node:module'; const require = __postguardRequire(import.meta.url);" },
});
