// Door codes, key-safe codes, PINs and passwords written out.
import { type Span } from './span';

const CUE =
  /\b(?:(?:door|keypad|key ?pad|entry|entrance|gate|access|alarm|safe|lock ?box|key ?safe|building|fob|code ?lock)\s+(?:code|pin|number|combination|combo)|pin(?:\s+(?:number|code))?|pass ?code|pass ?word|passwd|wi-?fi(?:\s+(?:password|key|code))?|log-?in(?:\s+details)?|combination)\b/gi;
/** How far after the cue the secret may stand: "code for the staff entrance is 2580". */
const REACH = 60;

export function secretCode(text: string): Span[] {
  const spans: Span[] = [];
  CUE.lastIndex = 0;
  let cue: RegExpExecArray | null;
  while ((cue = CUE.exec(text)) !== null) {
    const from = cue.index + cue[0].length;
    const rest = text.slice(from, from + REACH).split(/[.!?\n](?:\s|$)/)[0] ?? '';
    // The secret: a word with a digit in it, or whatever follows a colon or "is".
    const secret = /(?:[:=]|\bis\b)\s*([^\s,;]{3,})/.exec(rest) ?? /(?<=\s|^)([^\s,;]*\d[^\s,;]*)/.exec(rest);
    if (!secret?.[1]) continue;
    const value = secret[1].replace(/[.,;!?)]+$/, '');
    if (!/\d/.test(value) && !/[:=]/.test(secret[0])) continue;
    const end = from + secret.index + secret[0].lastIndexOf(value) + value.length;
    spans.push({ start: cue.index, end });
    CUE.lastIndex = end;
  }
  return spans;
}
