// Pack patterns run on every keystroke, on text the page controls, so they
// run on RE2 (re2js): time linear in the text, whatever the pattern. A
// backtracking engine can be frozen by "(\w|\d)+$" or ".*.*.*=" on a long
// post. RE2 has no look-around and no back-references; packs that use them
// are refused when they load, with the pattern's JSON path.
import { RE2JS } from 're2js';
import type { Span } from '../detectors/span';

/** JavaScript flags a pattern may carry. g and y are implied; u is how RE2 always reads text. */
const FLAGS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL, u: 0, g: 0, y: 0 };

export type Pattern = RE2JS;

/** Compiles a pack pattern; throws an Error whose message a pack author can act on. */
export function compilePattern(source: string, flags = ''): Pattern {
  let bits = 0;
  for (const f of flags) {
    if (!(f in FLAGS)) throw new Error(`unknown flag "${f}" (use i, m, s or u)`);
    bits |= FLAGS[f]!;
  }
  try {
    return RE2JS.compile(source, bits);
  } catch (e) {
    const why = (e as Error).message.replace(/^error parsing regexp: /, '');
    throw new Error(`cannot run in linear time or is not valid (${why}); look-around and back-references are not supported`);
  }
}

/** Every non-empty match, as UTF-16 offsets into `text`. */
export function patternSpans(pattern: Pattern, text: string): Span[] {
  const spans: Span[] = [];
  const m = pattern.matcher(text);
  while (m.find()) {
    if (m.end() > m.start()) spans.push({ start: m.start(), end: m.end() });
  }
  return spans;
}

/** Why a pattern cannot be used, or undefined when it can. */
export function patternProblem(source: string, flags = ''): string | undefined {
  let pattern: Pattern;
  try {
    pattern = compilePattern(source, flags);
  } catch (e) {
    return (e as Error).message;
  }
  if (pattern.matcher('').find()) return 'matches empty text, so it would flag every post';
  return undefined;
}
