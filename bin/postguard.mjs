#!/usr/bin/env node
// The `postguard` command. It runs the bundle that `npm install` builds
// (scripts/build-cli.mjs -> dist/cli/), which starts in a fraction of the time
// tsx needs to compile the TypeScript. When the bundle is missing or older
// than any source it was built from (someone is editing lib/), the sources
// run through tsx instead, so what runs is never stale.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist/cli/main.js');

/** The newest modification time of the files the bundle is built from. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ['cli', 'lib', 'rules']) walk(path.join(root, dir));
  return Math.max(newest, statSync(path.join(root, 'package.json')).mtimeMs);
}

try {
  let main;
  if (process.env.POSTGUARD_FROM_SOURCE !== '1' && existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource()) {
    ({ main } = await import(pathToFileURL(bundle).href));
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    ({ main } = await import('../cli/main.ts'));
  }
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Exit 1 means "blocking finding"; a PostGuard that cannot start must not look like one.
  console.error('postguard: internal error (please report it):', error);
  process.exitCode = 3;
}
