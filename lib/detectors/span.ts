/** A stretch of text, as UTF-16 offsets into the string it was found in. */
export interface Span {
  start: number;
  end: number;
}

/** Spans of every match of a global regular expression (or of one capture group). */
export function regexSpans(re: RegExp, text: string, group = 0, accept?: (m: RegExpExecArray) => boolean): Span[] {
  const spans: Span[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (accept && !accept(m)) continue;
    const part = m[group];
    if (part === undefined) continue;
    const start = m.index + m[0].indexOf(part);
    spans.push({ start, end: start + part.length });
  }
  return spans;
}
