// Batch mode (--jsonl): one post a line in, one result a line out. A line that
// cannot be checked becomes an error line; the run goes on.
import { stoppingFindings, type Engine } from '../lib/index';
import { ACCOUNT_CONTEXTS, SITES, type AccountContext, type CheckContext, type Site } from '../lib/types';
import type { OffsetUnit } from './args';
import { jsonLine, toJsonResult, type JsonError, type JsonResult } from './format-json';

export interface BatchOptions {
  /** Used when a line has no "context". */
  context: AccountContext;
  /** Used when a line has no "site". */
  site: Site | undefined;
  /** Used when a line has no "hasMedia". */
  media: boolean;
  offsets: OffsetUnit;
}

export interface BatchSummary {
  checked: number;
  errors: number;
  blocked: number;
}

class LineError extends Error {}

/**
 * The longest post a line may hold (characters). Longer lines become an error
 * line: a 10 MB line full of findings would take seconds and print megabytes,
 * and no composer on either site takes posts anywhere near this long.
 */
export const MAX_POST_CHARS = 1_000_000;

function field<T extends string>(record: Record<string, unknown>, name: string, allowed: readonly T[]): T | undefined {
  const value = record[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new LineError(`bad "${name}": ${JSON.stringify(value)} (expected ${allowed.map((a) => `"${a}"`).join(' or ')})`);
}

/** Checks one input line; never throws for bad input. */
export function checkLine(engine: Engine, line: string, lineNumber: number, options: BatchOptions): JsonResult | JsonError {
  let id: string | number | undefined;
  try {
    if (line.length > MAX_POST_CHARS + 1_000) {
      throw new LineError(`line too long: ${line.length.toLocaleString('en-GB')} characters (a post may have at most ${MAX_POST_CHARS.toLocaleString('en-GB')})`);
    }
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      throw new LineError(`invalid JSON: ${(error as Error).message}`);
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new LineError('not a JSON object');
    const fields = record as Record<string, unknown>;
    if (typeof fields.id === 'string' || typeof fields.id === 'number') id = fields.id;
    else if (fields.id !== undefined && fields.id !== null) throw new LineError('bad "id": expected a string or a number');
    if (typeof fields.text !== 'string') throw new LineError(fields.text === undefined ? 'missing "text"' : 'bad "text": expected a string');
    if (fields.text.length > MAX_POST_CHARS) {
      throw new LineError(`post too long: ${fields.text.length.toLocaleString('en-GB')} characters (at most ${MAX_POST_CHARS.toLocaleString('en-GB')})`);
    }
    const context: CheckContext = {
      context: field(fields, 'context', ACCOUNT_CONTEXTS) ?? options.context,
    };
    const site = field(fields, 'site', SITES) ?? options.site;
    if (site !== undefined) context.site = site;
    if (fields.hasMedia !== undefined && typeof fields.hasMedia !== 'boolean') throw new LineError('bad "hasMedia": expected true or false');
    if (fields.hasMedia ?? options.media) context.hasMedia = true;
    const result = engine.check(fields.text, context);
    return toJsonResult(fields.text, result, stoppingFindings(engine.pack, result.findings).length > 0, options.offsets, id);
  } catch (error) {
    // Anything else that goes wrong checking one post is that post's error line, not the batch's end.
    const message = error instanceof LineError ? error.message : `could not check this post: ${(error as Error).message}`;
    return { ...(id === undefined ? {} : { id }), line: lineNumber, error: message };
  }
}

/** Checks every non-blank line, writing each result as soon as it is known. */
export async function runBatch(
  engine: Engine,
  lines: AsyncIterable<string>,
  options: BatchOptions,
  write: (chunk: string) => Promise<void>,
): Promise<BatchSummary> {
  const summary: BatchSummary = { checked: 0, errors: 0, blocked: 0 };
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const output = checkLine(engine, line, lineNumber, options);
    if ('error' in output) summary.errors++;
    else {
      summary.checked++;
      if (output.stopped) summary.blocked++;
    }
    await write(jsonLine(output));
  }
  return summary;
}
