// Pack patterns run on every keystroke, on text the page controls, so they
// run on RE2 (re2js): time linear in the text, whatever the pattern. A
// backtracking engine can be frozen by "(\w|\d)+$" or ".*.*.*=" on a long
// post. RE2 has no look-around and no back-references; packs that use them
// are refused when they load, with the pattern's JSON path.
import { RE2JS } from 're2js';
import type { Span } from '../detectors/span';

/** JavaScript flags a pattern may carry. g and y are implied; u is how RE2 always reads text. */
const FLAGS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL, u: 0, g: 0, y: 0 };

export interface Pattern {
  re2: RE2JS;
  /**
   * A quick test that must pass for the pattern to match: one of the literal
   * words every match starts with (see literalStarts). It is a plain
   * alternation of literals, so the browser's own engine runs it in linear
   * time, and most sentences skip RE2 altogether.
   */
  prefilter: RegExp | null;
}

/** Compiles a pack pattern; throws an Error whose message a pack author can act on. */
export function compilePattern(source: string, flags = ''): Pattern {
  let bits = 0;
  for (const f of flags) {
    if (!(f in FLAGS)) throw new Error(`unknown flag "${f}" (use i, m, s or u)`);
    bits |= FLAGS[f]!;
  }
  let re2: RE2JS;
  try {
    re2 = RE2JS.compile(source, bits);
  } catch (e) {
    const why = (e as Error).message.replace(/^error parsing regexp: /, '');
    throw new Error(`cannot run in linear time or is not valid (${why}); look-around and back-references are not supported`);
  }
  const starts = literalStarts(source);
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const prefilter = starts ? new RegExp(starts.map(escape).join('|'), flags.includes('i') ? 'iu' : 'u') : null;
  return { re2, prefilter };
}

/** Every non-empty match, as UTF-16 offsets into `text`. */
export function patternSpans(pattern: Pattern, text: string): Span[] {
  if (pattern.prefilter && !pattern.prefilter.test(text)) return [];
  const spans: Span[] = [];
  const m = pattern.re2.matcher(text);
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
  if (pattern.re2.matcher('').find()) return 'matches empty text, so it would flag every post';
  return undefined;
}

/**
 * The literal text every match must begin with, one entry per way a match can
 * begin ("we ", "unlike "), or null when that cannot be told from the
 * source: an alternative that starts with a class, a dot, a group that is
 * optional or repeated, or fewer than two literal characters. Reads only the
 * simple shape pack patterns take: `\b`, then words or a (?:...) group of them.
 */
export function literalStarts(source: string): string[] | null {
  const starts: string[] = [];
  for (const alternative of splitTopLevel(source)) {
    const found = startsOf(alternative);
    if (!found) return null;
    starts.push(...found);
  }
  return starts.length > 0 ? starts : null;
}

function startsOf(alternative: string): string[] | null {
  let rest = alternative;
  while (rest.startsWith('\\b') || rest.startsWith('^')) rest = rest.slice(rest.startsWith('^') ? 1 : 2);
  if (rest.startsWith('(?:')) {
    const close = closingParen(rest);
    if (close < 0) return null;
    // A quantifier after the group makes it optional or repeated: give up.
    if (/^[?*+{]/.test(rest.slice(close + 1))) return null;
    const inner = splitTopLevel(rest.slice(3, close));
    const out: string[] = [];
    for (const alt of inner) {
      const found = startsOf(alt);
      if (!found) return null;
      out.push(...found);
    }
    return out;
  }
  // "[fsc]\\*": a small class of letters opens the match.
  let heads = [''];
  const cls = /^\[([\p{L}]{1,6})\]/u.exec(rest);
  if (cls) {
    heads = [...cls[1]!];
    rest = rest.slice(cls[0].length);
  }
  const variants = literalVariants(rest).flatMap((v) => heads.map((h) => h + v));
  return variants.length > 0 && variants.length <= 16 && variants.every((v) => v.length >= 2) ? variants : null;
}

/**
 * The literal text at the start of `rest`, in every spelling its optional
 * characters allow ("i'?m" gives "i'm" and "im"). Stops at anything that is
 * not a plain or escaped character.
 */
function literalVariants(rest: string): string[] {
  let variants = [''];
  let i = 0;
  while (i < rest.length && variants.length <= 16) {
    let ch: string;
    let width: number;
    if (rest[i] === '\\' && i + 1 < rest.length && /[^\p{L}\p{N}]/u.test(rest[i + 1]!)) {
      ch = rest[i + 1]!;
      width = 2;
    } else if (/[\p{L}\p{N}' ]/u.test(rest[i]!)) {
      ch = rest[i]!;
      width = 1;
    } else break;
    const quantifier = rest[i + width];
    if (quantifier === '?') {
      variants = [...variants.map((v) => v + ch), ...variants];
      i += width + 1;
    } else if (quantifier === '*' || quantifier === '{') {
      break;
    } else if (quantifier === '+') {
      variants = variants.map((v) => v + ch);
      break;
    } else {
      variants = variants.map((v) => v + ch);
      i += width;
    }
  }
  return variants;
}

/**
 * The characters that give a pattern its structure (neither escaped nor
 * inside a [class]), each with the depth of groups around it: a "(" and its
 * ")" both sit at the depth outside their group.
 */
function* structure(source: string): Generator<{ c: string; i: number; depth: number }> {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (c === ')') depth--;
    yield { c, i, depth };
    if (c === '(') depth++;
  }
}

/** Splits a pattern at the | that are not inside a group or a class. */
function splitTopLevel(source: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const { c, i, depth } of structure(source)) {
    if (c === '|' && depth === 0) {
      parts.push(source.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(source.slice(from));
  return parts;
}

/** The index of the ) closing the group that opens at 0, or -1. */
function closingParen(source: string): number {
  for (const { c, i, depth } of structure(source)) if (c === ')' && depth === 0) return i;
  return -1;
}
