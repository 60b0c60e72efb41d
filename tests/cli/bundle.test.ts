// The installed command runs a bundle built by scripts/build-cli.mjs (no
// TypeScript compiled at start-up). Built here into a temp folder, it must
// answer exactly as the sources do.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, runCli, tempDir } from './helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const out = mkdtempSync(join(tmpdir(), 'postguard-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const tmp = tempDir();

describe('the bundled command', { timeout: CLI_TIMEOUT }, () => {
  it('gives the same answers as the sources', async () => {
    await run(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), out], { cwd: ROOT });
    const posts = tmp.write(
      'posts.jsonl',
      [
        { id: 1, text: 'Mr Brian Walsh in room 9 kept us up all night' },
        { id: 2, text: 'Lovely walk on the beach today' },
        { id: 3, text: 'We think the council is a disgrace', context: 'business' },
      ]
        .map((p) => JSON.stringify(p))
        .join('\n'),
    );
    const args = ['check', '--jsonl', posts];
    const script = `const { main } = await import(${JSON.stringify(pathToFileURL(join(out, 'main.js')).href)}); process.exitCode = await main(${JSON.stringify(args)});`;
    const bundled = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT }).catch((e) => e);
    const sources = await runCli(args, { env: { POSTGUARD_FROM_SOURCE: '1' } });
    expect(bundled.stdout).toBe(sources.stdout);
    expect(bundled.stdout.split('\n').filter(Boolean)).toHaveLength(3);
  });
});
