// Pack loading for the CLI: the bundled pack, or a JSON file whose problems are
// reported with their JSON paths.
import { defaultPack, parsePackJson, type Pack } from '../lib/index';
import { PackError } from './errors';
import { readTextFile } from './input';

export async function loadPack(path: string | undefined): Promise<Pack> {
  if (path === undefined) return defaultPack;
  const loaded = parsePackJson(await readTextFile(path));
  if (!loaded.ok) throw new PackError(path, loaded.problems);
  return loaded.pack;
}
