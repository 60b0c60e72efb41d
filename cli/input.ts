// Input reading: the text to check comes from the argument itself, a file, or stdin.
import { createReadStream, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { UsageError } from './errors';

const BOM = '\uFEFF';

function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Reads a whole stream as UTF-8 (multi-byte characters split across chunks are decoded correctly). */
export async function readStream(stream: Readable): Promise<string> {
  stream.setEncoding('utf8');
  const parts: string[] = [];
  for await (const chunk of stream) parts.push(chunk as string);
  return parts.join('');
}

export async function readTextFile(path: string): Promise<string> {
  try {
    return stripBom(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/**
 * The text for `postguard check [ARG]`: "-" reads stdin, an existing file path
 * reads that file, anything else is the text itself; no argument reads stdin
 * when something is piped in.
 */
export async function readCheckInput(arg: string | undefined, stdin: Readable & { isTTY?: boolean } = process.stdin): Promise<string> {
  if (arg === '-' || (arg === undefined && !stdin.isTTY)) return stripBom(await readStream(stdin));
  if (arg === undefined) throw new UsageError('nothing to check: give the text, a file, or pipe it in');
  return isFile(arg) ? readTextFile(arg) : arg;
}

/** The lines of a JSON-lines file ("-" for stdin), read as they arrive, without the line endings. */
export function readLines(source: string, stdin: Readable = process.stdin): AsyncIterable<string> {
  let input: Readable;
  if (source === '-') {
    input = stdin;
  } else {
    if (!isFile(source)) throw new UsageError(`cannot read ${source}: no such file`);
    input = createReadStream(source);
  }
  input.setEncoding('utf8');
  return withoutBom(createInterface({ input, crlfDelay: Infinity }));
}

async function* withoutBom(lines: AsyncIterable<string>): AsyncIterable<string> {
  let first = true;
  for await (const line of lines) {
    yield first ? stripBom(line) : line;
    first = false;
  }
}
