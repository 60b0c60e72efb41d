// Characters slipped into a post to get past a checker without changing what
// a reader sees: control and bidirectional-override characters, zero-width
// characters (even between digits: "07700\u200B900123"), soft hyphens, and
// digits or letters in other forms (full-width "０７７００", superscript "⁰⁷",
// subscript, Arabic-Indic, Devanagari, mathematical bold). The engine checks
// the folded text and maps every finding back to the offsets as typed.
// Left alone: line breaks and tabs, and the joiner and variation selector
// that hold emoji together.

/** Removed: C0/C1 controls (not \t \n \r), soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width space/non-joiner, direction marks and overrides, word joiner and invisible operators, isolates, BOM. */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/u;
/** Folded to ASCII. */
const OTHER_FORMS = /[\u00B2\u00B3\u00B9\u0660-\u0669\u06F0-\u06F9\u0966-\u096F\u2070\u2074-\u2079\u2080-\u2089\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u{1D7CE}-\u{1D7FF}]/u;
const ANY = new RegExp(`${INVISIBLE.source}|${OTHER_FORMS.source}`, 'u');

const SUPERSCRIPT: Record<number, string> = { 0xb2: '2', 0xb3: '3', 0xb9: '1', 0x2070: '0' };

/** Runs of code points that fold to a run of ASCII: [first, last, ASCII code of first]. */
const RUNS: readonly [number, number, number][] = [
  [0x2074, 0x2079, 0x34],
  [0x2080, 0x2089, 0x30],
  [0x0660, 0x0669, 0x30],
  [0x06f0, 0x06f9, 0x30],
  [0x0966, 0x096f, 0x30],
  [0xff10, 0xff19, 0x30],
  [0xff21, 0xff3a, 0x41],
  [0xff41, 0xff5a, 0x61],
];

function asciiFor(cp: number): string | undefined {
  if (SUPERSCRIPT[cp]) return SUPERSCRIPT[cp];
  for (const [first, last, ascii] of RUNS) if (cp >= first && cp <= last) return String.fromCharCode(ascii + cp - first);
  // Mathematical digits: five styles of 0-9 in a row.
  if (cp >= 0x1d7ce && cp <= 0x1d7ff) return String.fromCharCode(0x30 + ((cp - 0x1d7ce) % 10));
  return undefined;
}

export interface FoldedText {
  /** The text as checked. */
  text: string;
  /** For each UTF-16 offset of `text` (and its end), the offset in the text as typed. */
  origin: Int32Array;
}

/** The text with evasions folded away, or null when it has none (nearly always). */
export function foldEvasions(typed: string): FoldedText | null {
  if (!ANY.test(typed)) return null;
  let text = '';
  const origin: number[] = [];
  for (let i = 0; i < typed.length; ) {
    const cp = typed.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (!INVISIBLE.test(ch)) {
      const out = asciiFor(cp) ?? ch;
      for (let k = 0; k < out.length; k++) origin.push(i);
      text += out;
    }
    i += ch.length;
  }
  origin.push(typed.length);
  return { text, origin: Int32Array.from(origin) };
}

/** A span of the folded text as offsets into the text as typed. */
export function typedSpan(folded: FoldedText, typed: string, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = folded.origin[start]!;
    return { start: at, end: at };
  }
  const last = folded.origin[end - 1]!;
  return { start: folded.origin[start]!, end: last + String.fromCodePoint(typed.codePointAt(last)!).length };
}
