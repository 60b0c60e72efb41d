import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locate } from '../../cli/offsets';

/** Any UTF-16 string: astral characters, lone surrogates, newlines. */
const anyText = fc.string({ unit: fc.oneof(fc.constantFrom('\n', 'é', '😀', '\uD800', '\uDC00', 'a'), fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 60 });

describe('locate (UTF-16 offsets to code points, lines and columns)', () => {
  it('gives code-point offsets that slice the same text as the UTF-16 ones', () => {
    fc.assert(
      fc.property(anyText, fc.array(fc.nat(), { maxLength: 8 }), (text, raw) => {
        // Offsets at code-point boundaries (the engine never splits a pair).
        const boundaries = [0];
        for (const ch of text) boundaries.push(boundaries.at(-1)! + ch.length);
        const offsets = raw.map((n) => boundaries[n % boundaries.length]!);
        const positions = locate(text, offsets);
        const codePoints = [...text];
        for (const offset of offsets) {
          const p = positions.get(offset)!;
          expect(codePoints.slice(0, p.codePoint).join('')).toBe(text.slice(0, offset));
          const before = text.slice(0, offset);
          const line = before.split('\n').length;
          expect(p.line).toBe(line);
          expect(p.column).toBe([...before.slice(before.lastIndexOf('\n') + 1)].length + 1);
        }
      }),
    );
  });

  it('clamps offsets past the end', () => {
    expect(locate('a😀', [99]).get(99)).toEqual({ codePoint: 2, line: 1, column: 3 });
  });
});
