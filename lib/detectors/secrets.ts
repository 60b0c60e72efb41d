// Door codes, key-safe codes, PINs and passwords written out.
import { type Span } from './span';

const CUE =
  /\b(?:(?:door|keypad|key ?pad|entry|entrance|gate|access|alarm|safe|lock ?box|building|fob|code ?lock)\s+(?:code|pin|number|combination|combo)|key ?safe|lock ?box|pin(?:\s+(?:number|code))?|pass ?code|pass ?word|passwd|wi-?fi(?:\s+(?:password|key|code))?|log-?in(?:\s+details)?|username|combination)\b/gi;
/** How far after the cue the secret may stand: "code for the staff entrance is 2580". */
const REACH = 60;

export function secretCode(text: string): Span[] {
  const spans: Span[] = [];
  CUE.lastIndex = 0;
  let cue: RegExpExecArray | null;
  while ((cue = CUE.exec(text)) !== null) {
    const from = cue.index + cue[0].length;
    const rest = text.slice(from, from + REACH).split(/[.!?\n](?:\s|$)/)[0] ?? '';
    // The secret: the first word of three or more characters with a digit in
    // it, or else whatever follows a colon.
    const withDigit = [...rest.matchAll(/(?<=^|[\s:=/])([^\s,;/]*\d[^\s,;/]*)/g)].find((m) => m[1]!.replace(/\W/g, '').length >= 3);
    const secret = withDigit ?? /[:=]\s*([^\s,;]{3,})/.exec(rest);
    if (!secret?.[1]) continue;
    const value = secret[1].replace(/[.,;!?)]+$/, '');
    const end = from + (secret.index ?? 0) + secret[0].lastIndexOf(value) + value.length;
    spans.push({ start: cue.index, end });
    CUE.lastIndex = end;
  }
  return spans;
}
