// Pack loading for the CLI: the bundled pack, or a JSON file whose problems are
// reported with their JSON paths.
import { defaultPack, parsePackJson, type Pack, type PackProblem } from '../lib/index';
import { readTextFile } from './input';

export class PackError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly PackProblem[],
  ) {
    super(`${source} is not a valid pack`);
  }
}

export async function loadPack(path: string | undefined): Promise<Pack> {
  if (path === undefined) return defaultPack;
  const loaded = parsePackJson(await readTextFile(path));
  if (!loaded.ok) throw new PackError(path, loaded.problems);
  return loaded.pack;
}

export function formatPackProblems(error: PackError): string {
  const count = error.problems.length;
  const lines = error.problems.map((p) => `  ${p.path || '(top level)'}: ${p.message}`);
  return `postguard: ${error.source} is not a valid pack (${count} ${count === 1 ? 'problem' : 'problems'}):\n${lines.join('\n')}\n`;
}
