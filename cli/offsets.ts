// Offset conversion: the engine reports UTF-16 offsets (JavaScript string
// indices); people and other languages count Unicode code points and lines.

export interface Position {
  /** Code points before the offset: `[...text].slice(0, codePoint)` is the text before it. */
  codePoint: number;
  /** 1-based line (lines end at \n). */
  line: number;
  /** 1-based column, in code points. */
  column: number;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * Positions of many UTF-16 offsets into `text`, found in one pass over the text
 * (findings in a 1 MB post must not cost a pass each). Offsets past the end are
 * clamped. An unpaired surrogate counts as one code point, as `[...text]` and
 * Python's str both count it.
 */
export function locate(text: string, offsets: Iterable<number>): Map<number, Position> {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const positions = new Map<number, Position>();
  let unit = 0;
  let codePoint = 0;
  let line = 1;
  let lineStartCodePoint = 0;
  for (const offset of wanted) {
    const target = Math.max(0, Math.min(offset, text.length));
    for (; unit < target; unit++) {
      const code = text.charCodeAt(unit);
      if (!(isLowSurrogate(code) && unit > 0 && isHighSurrogate(text.charCodeAt(unit - 1)))) codePoint++;
      if (code === 10) {
        line++;
        lineStartCodePoint = codePoint;
      }
    }
    positions.set(offset, { codePoint, line, column: codePoint - lineStartCodePoint + 1 });
  }
  return positions;
}
