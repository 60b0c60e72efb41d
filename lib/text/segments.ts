// Splits a post into sentences. Each sentence is checked on its own and its
// result cached by its text, so typing one more character re-checks one sentence.
import abbreviations from '../data/abbreviations.json';

export interface Segment {
  text: string;
  /** UTF-16 offset of the segment in the whole post. */
  start: number;
}

const ABBREVIATIONS = new Set(abbreviations.map((a) => a.toLowerCase()));
/** Very long runs without punctuation are cut at a space near this length. */
const MAX_SEGMENT = 1000;

// A sentence ends at ! or ? (repeated), at a full stop that does not follow an
// abbreviation or an initial, or at a line break.
const BOUNDARY = /([.!?\u2026]+)(["')\]\u2019\u201D]*)(\s+)|\n+/gu;

export function splitSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const end = m.index + m[0].length;
    if (m[1] === '.' && endsWithAbbreviation(text, start, m.index)) continue;
    pushSegment(segments, text, start, end);
    start = end;
  }
  if (start < text.length) pushSegment(segments, text, start, text.length);
  return segments;
}

function isLetterOrDot(code: number): boolean {
  if (code === 46) return true; // "."
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  return code > 127 && /\p{L}/u.test(String.fromCharCode(code));
}

/** Does the text just before a full stop at `end` read "Mr", "e.g" or an initial? */
function endsWithAbbreviation(text: string, start: number, end: number): boolean {
  let from = end;
  // Abbreviations are short: look back a few characters, not over the sentence.
  while (from > start && end - from < 8 && isLetterOrDot(text.charCodeAt(from - 1))) from--;
  if (from > start && isLetterOrDot(text.charCodeAt(from - 1))) return false;
  const word = text.slice(from, end);
  if (!word) return false;
  return ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word);
}

function pushSegment(segments: Segment[], text: string, start: number, end: number): void {
  while (end - start > MAX_SEGMENT) {
    const cut = text.lastIndexOf(' ', start + MAX_SEGMENT);
    let at = cut > start ? cut + 1 : start + MAX_SEGMENT;
    if (/[\uD800-\uDBFF]/.test(text[at - 1] ?? '')) at--; // never split an emoji in two
    segments.push({ text: text.slice(start, at), start });
    start = at;
  }
  if (end > start) segments.push({ text: text.slice(start, end), start });
}
