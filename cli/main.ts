// `postguard`: dispatches a command and turns the outcome into an exit status
// (0 nothing blocking, 1 blocking finding or failing example, 2 usage or pack
// error, 3 a bug in PostGuard itself). The engine is imported only by commands
// that need it, so --help, --version and usage errors answer at once.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs, type CheckCommand } from './args';
import { formatPackProblems, PackError, UsageError } from './errors';
import { jsonLine, toJsonResult } from './format-json';
import { formatText, textStyle, wantsColour } from './format-text';
import { HELP } from './help';
import { readCheckInput, readLines } from './input';
import { exitQuietlyOnBrokenPipe, writer } from './output';

const write = writer(process.stdout);

function version(): string {
  // ../package.json from cli/main.ts; ../../package.json from the bundle in dist/cli/.
  const here = ['../package.json', '../../package.json'].map((p) => new URL(p, import.meta.url)).find((u) => existsSync(u));
  const pkg = JSON.parse(readFileSync(here!, 'utf8')) as { version: string };
  return pkg.version;
}

async function check(command: CheckCommand): Promise<number> {
  const [{ createEngine, stoppingFindings }, { loadPack }] = await Promise.all([import('../lib/index'), import('./pack')]);
  const engine = createEngine(await loadPack(command.packPath));
  if (command.jsonl !== undefined) {
    const { runBatch } = await import('./batch');
    const summary = await runBatch(engine, readLines(command.jsonl), command, write);
    if (summary.errors > 0) {
      process.stderr.write(`postguard: ${summary.errors} ${summary.errors === 1 ? 'line' : 'lines'} could not be checked (see "error" in the output)\n`);
    }
    return summary.blocked > 0 ? 1 : 0;
  }
  const text = await readCheckInput(command.input);
  const result = engine.check(text, {
    context: command.context,
    ...(command.site ? { site: command.site } : {}),
    ...(command.media ? { hasMedia: true } : {}),
  });
  const stopped = stoppingFindings(engine.pack, result.findings).length > 0;
  await write(
    command.format === 'json'
      ? jsonLine(toJsonResult(text, result, stopped, command.offsets))
      : formatText(text, result, textStyle(wantsColour(process.stdout))),
  );
  return stopped ? 1 : 0;
}

export async function main(argv: readonly string[]): Promise<number> {
  exitQuietlyOnBrokenPipe(process.stdout);
  try {
    const command = parseArgs(argv);
    switch (command.kind) {
      case 'help':
        await write(HELP);
        return 0;
      case 'version':
        await write(`${version()}\n`);
        return 0;
      case 'schema': {
        const { packJsonSchema } = await import('../lib/index');
        await write(`${JSON.stringify(packJsonSchema(), null, 2)}\n`);
        return 0;
      }
      case 'test-pack': {
        const [{ loadPack }, { testPack }] = await Promise.all([import('./pack'), import('./test-pack')]);
        return await testPack(await loadPack(command.packPath), write);
      }
      case 'check':
        return await check(command);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`postguard: ${error.message}\nRun "postguard --help" for usage.\n`);
      return 2;
    }
    if (error instanceof PackError) {
      process.stderr.write(formatPackProblems(error));
      return 2;
    }
    // Not 1: that would read as "blocking finding".
    process.stderr.write(`postguard: internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 3;
  }
}
