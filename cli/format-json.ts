// JSON formatting: one object per checked post, the shape both single checks and
// --jsonl batches write.
import type { CheckResult, Verdict } from '../lib/types';
import type { OffsetUnit } from './args';
import { locate } from './offsets';

export interface JsonFinding {
  ruleId: string;
  category: string;
  severity: string;
  start: number;
  end: number;
  excerpt: string;
  message: string;
  clause: string;
  quote: string;
}

export interface JsonResult {
  id?: string | number;
  verdict: Verdict;
  /** Would the extension stop this post? (a finding at the pack's `stopOn` or above) */
  stopped: boolean;
  findings: JsonFinding[];
}

export interface JsonError {
  id?: string | number;
  line: number;
  error: string;
}

/**
 * The JSON view of a check. With `offsets: 'codepoint'` (the default of the
 * CLI) `start`/`end` count Unicode code points, so `[...text].slice(start, end)`
 * in JavaScript and `text[start:end]` in Python give the excerpt; with 'utf16'
 * they are the engine's JavaScript string indices.
 */
export function toJsonResult(text: string, result: CheckResult, stopped: boolean, offsets: OffsetUnit, id?: string | number): JsonResult {
  const positions = offsets === 'codepoint' ? locate(text, result.findings.flatMap((f) => [f.start, f.end])) : undefined;
  const convert = (offset: number) => positions?.get(offset)?.codePoint ?? offset;
  return {
    ...(id === undefined ? {} : { id }),
    verdict: result.verdict,
    stopped,
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      start: convert(f.start),
      end: convert(f.end),
      excerpt: f.excerpt,
      message: f.message,
      clause: f.clause,
      quote: f.quote,
    })),
  };
}

export function jsonLine(value: JsonResult | JsonError): string {
  return `${JSON.stringify(value)}\n`;
}
