// Argument parsing: turns argv into one Command, or throws UsageError.
// No I/O here (whether a positional argument names a file is decided in input.ts).
import { parseArgs as parseNodeArgs } from 'node:util';
import { ACCOUNT_CONTEXTS, SITES, type AccountContext, type Site } from '../lib/types';
import { UsageError } from './errors';

export type OutputFormat = 'text' | 'json';
/** How offsets are written in JSON output: Unicode code points (default) or JS string indices. */
export type OffsetUnit = 'codepoint' | 'utf16';

export interface CheckCommand {
  kind: 'check';
  /** The positional argument: text, a file path, "-" for stdin, or undefined (stdin if piped). */
  input: string | undefined;
  /** Batch mode: a JSON-lines file, or "-" for stdin. */
  jsonl: string | undefined;
  packPath: string | undefined;
  context: AccountContext;
  site: Site | undefined;
  /** A photo or video is attached. */
  media: boolean;
  format: OutputFormat;
  offsets: OffsetUnit;
}

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'schema' }
  | { kind: 'test-pack'; packPath: string | undefined }
  | CheckCommand;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  pack: { type: 'string' },
  context: { type: 'string' },
  site: { type: 'string' },
  format: { type: 'string' },
  offsets: { type: 'string' },
  jsonl: { type: 'string' },
  media: { type: 'boolean' },
} as const;

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

export function parseArgs(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseNodeArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  const [command, ...rest] = positionals;
  const onlyFor = (names: (keyof typeof values)[], forCommand: string) => {
    for (const name of names) {
      if (values[name] !== undefined) throw new UsageError(`--${name} does not apply to "${forCommand}"`);
    }
  };
  const noMoreThan = (count: number) => {
    if (rest.length > count) throw new UsageError(`unexpected argument "${rest[count]}"`);
  };

  switch (command) {
    case undefined:
      throw new UsageError('no command given');
    case 'help':
      return { kind: 'help' };
    case 'schema':
      onlyFor(['pack', 'context', 'site', 'format', 'offsets', 'jsonl', 'media'], 'schema');
      noMoreThan(0);
      return { kind: 'schema' };
    case 'test-pack':
      onlyFor(['context', 'site', 'format', 'offsets', 'jsonl', 'media'], 'test-pack');
      noMoreThan(1);
      if (rest[0] !== undefined && values.pack !== undefined) throw new UsageError('give the pack either as FILE or as --pack, not both');
      return { kind: 'test-pack', packPath: rest[0] ?? values.pack };
    case 'check': {
      noMoreThan(1);
      if (values.jsonl !== undefined && rest[0] !== undefined) {
        throw new UsageError('--jsonl reads its posts from the file it names; do not also give text or a file');
      }
      const format = oneOf('format', values.format, ['text', 'json'] as const) ?? (values.jsonl !== undefined ? 'json' : 'text');
      if (values.jsonl !== undefined && format !== 'json') {
        throw new UsageError('--jsonl writes one JSON object per line; use --format json');
      }
      return {
        kind: 'check',
        input: rest[0],
        jsonl: values.jsonl,
        packPath: values.pack,
        context: oneOf('context', values.context, ACCOUNT_CONTEXTS) ?? 'personal',
        site: oneOf('site', values.site, SITES),
        media: values.media ?? false,
        format,
        offsets: oneOf('offsets', values.offsets, ['codepoint', 'utf16'] as const) ?? 'codepoint',
      };
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}
