#!/usr/bin/env node
// The `postguard` command. The CLI and the engine are TypeScript; tsx compiles
// them on the fly, so there is no build step between editing lib/ and running this.
import { register } from 'tsx/esm/api';

register();
try {
  const { main } = await import('../cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Exit 1 means "blocking finding"; a PostGuard that cannot start must not look like one.
  console.error('postguard: internal error (please report it):', error);
  process.exitCode = 3;
}
