// Offsets are UTF-16 indices: text.slice(start, end) === excerpt, whatever
// comes before the finding. Checked on every flag example of the bundled pack.
import { describe, expect, it } from 'vitest';
import { createEngine, defaultPack, type CheckContext } from '../../lib/index';
import { expectValidResult } from './invariants';

// Flag examples test the rules' own matchers, so the learned layer is left out here.
const engine = createEngine(defaultPack, { model: null });

const FLAG_EXAMPLES = defaultPack.rules.flatMap((rule) =>
  rule.examples.flag.map((ex) => {
    const e = typeof ex === 'string' ? { text: ex } : ex;
    const ctx: CheckContext = {
      context: e.context ?? rule.contexts[0]!,
      ...(e.site ? { site: e.site } : {}),
      ...(e.hasMedia ? { hasMedia: true } : {}),
    };
    return { ruleId: rule.id, text: e.text, ctx };
  }),
);

/** Earlier paragraphs full of what trips up offset arithmetic. */
const PARAGRAPHS: [string, string][] = [
  ['emoji', '🎉🎉 Party time 👩‍👩‍👧 🇬🇧 👍🏽 ❤️'],
  ['accents', 'Café crème and crème brûlée; naïve façade, e\u0301te\u0301 (combining).'],
  ['CJK and Hangul', '今日はいい天気ですね。 오늘 날씨가 좋네요.'],
  ['right-to-left', 'مرحبا بالعالم שלום עולם'],
  ['zero-width characters', 'zero\u200Bwidth\u200D joiner\u2060 soft\u00ADhyphen \uFEFFbom'],
  ['astral letters', '𝒲𝑒𝓁𝓁 𝒽𝑒𝓁𝓁𝑜 𝔱𝔥𝔢𝔯𝔢'],
];

const key = (f: { ruleId: string; excerpt: string; start: number; end: number }, shift: number) => `${f.ruleId}|${f.excerpt}|${f.start - shift}|${f.end - shift}`;

describe('finding offsets', () => {
  it('every flag example of the bundled pack is flagged (the checks below need findings)', () => {
    for (const ex of FLAG_EXAMPLES) {
      expect(engine.check(ex.text, ex.ctx).findings.map((f) => f.ruleId), ex.text).toContain(ex.ruleId);
    }
  });

  describe.each(PARAGRAPHS)('after a paragraph of %s', (_name, paragraph) => {
    it('shift by exactly the UTF-16 length of what comes before', () => {
      for (const ex of FLAG_EXAMPLES) {
        const before = engine.check(ex.text, ex.ctx);
        const prefix = `${paragraph}\n\n`;
        const text = prefix + ex.text;
        const after = engine.check(text, ex.ctx);
        expectValidResult(text, ex.ctx, after);
        // The example's own findings are all still there, moved by prefix.length.
        // (A finding about the whole post, such as an attached photo, has no place: 0-0, no excerpt.)
        const moved = new Set(after.findings.map((f) => key(f, prefix.length)));
        const wholePost = new Set(after.findings.filter((f) => f.start === 0 && f.end === 0).map((f) => f.ruleId));
        for (const f of before.findings) {
          if (f.start === 0 && f.end === 0) expect(wholePost, `${JSON.stringify(text)}: ${f.ruleId}`).toContain(f.ruleId);
          else expect(moved, `${JSON.stringify(text)}: ${f.ruleId}`).toContain(key(f, 0));
        }
      }
    });
  });

  it.each(PARAGRAPHS)('stay exact with %s inside the same sentence', (_name, noise) => {
    for (const ex of FLAG_EXAMPLES) {
      for (const text of [`${noise} ${ex.text}`, `${ex.text} ${noise}`, ex.text.replace(' ', ` ${noise} `)]) {
        expectValidResult(text, ex.ctx, engine.check(text, ex.ctx));
      }
    }
  });

  it('stay exact when zero-width characters hide inside words', () => {
    for (const ex of FLAG_EXAMPLES) {
      for (const hidden of ['\u200B', '\u00AD', '\u200D']) {
        const text = ex.text.replace(/(\p{L})(\p{L})/gu, `$1${hidden}$2`);
        expectValidResult(text, ex.ctx, engine.check(text, ex.ctx));
      }
    }
  });
});
